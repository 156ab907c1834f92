// An invented eFiction 3.5 archive, as mysqldump writes it: three stories by two authors and a
// co-author, a category tree, characters, genre and warning classes, ratings, a series, and
// chapters listed out of their reading order. Story 2 keeps its chapter text in files
// (`stories/<uid>/<chapid>.txt`), as eFiction can. No real fan fiction: every name is made up.

const TABLES = `-- MySQL dump 10.13  Distrib 5.5.62, for debian-linux-gnu (x86_64)
--
-- Host: localhost    Database: harbourlights
-- ------------------------------------------------------
/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;
/*!40101 SET NAMES utf8 */;
/*!40014 SET @OLD_UNIQUE_CHECKS=@@UNIQUE_CHECKS, UNIQUE_CHECKS=0 */;

--
-- Table structure for table \`hl_authors\`
--

DROP TABLE IF EXISTS \`hl_authors\`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
CREATE TABLE \`hl_authors\` (
  \`uid\` int(11) NOT NULL AUTO_INCREMENT,
  \`penname\` varchar(200) NOT NULL DEFAULT '',
  \`realname\` varchar(200) NOT NULL DEFAULT '',
  \`email\` varchar(200) NOT NULL DEFAULT '',
  \`bio\` text NOT NULL,
  \`date\` datetime NOT NULL DEFAULT '0000-00-00 00:00:00',
  \`password\` varchar(40) NOT NULL DEFAULT '0',
  PRIMARY KEY (\`uid\`),
  KEY \`penname\` (\`penname\`)
) ENGINE=MyISAM AUTO_INCREMENT=4 DEFAULT CHARSET=utf8;

LOCK TABLES \`hl_authors\` WRITE;
/*!40000 ALTER TABLE \`hl_authors\` DISABLE KEYS */;
INSERT INTO \`hl_authors\` VALUES (1,'Wren Halloway','','wren@example.org','Writes about lighthouses; (and; semicolons).','2004-01-02 10:00:00','5f4dcc3b5aa765d61d8327deb882cf99'),(2,'Tamsin Reed','Tamsin R.','tamsin@example.net','','2004-02-03 11:00:00','0cc175b9c0f1b6a831c399e269772661'),(3,'Odile Marsh','','odile@example.com','','2005-01-01 00:00:00','92eb5ffee6ae2fec3ad71c777531578f');
/*!40000 ALTER TABLE \`hl_authors\` ENABLE KEYS */;
UNLOCK TABLES;

CREATE TABLE \`hl_categories\` (
  \`catid\` int(11) NOT NULL AUTO_INCREMENT,
  \`parentcatid\` int(11) NOT NULL DEFAULT '-1',
  \`category\` varchar(60) NOT NULL DEFAULT '',
  \`description\` text NOT NULL,
  \`leveldown\` tinyint(4) NOT NULL DEFAULT '0',
  PRIMARY KEY (\`catid\`)
) ENGINE=MyISAM DEFAULT CHARSET=utf8;
INSERT INTO \`hl_categories\` VALUES (1,-1,'Lighthouse Keepers','Stories of the keepers.',0),(2,1,'The Northern Coast','',1),(3,1,'Slash','',1),(4,-1,'Harbour Tales','',0);

CREATE TABLE \`hl_chapters\` (
  \`chapid\` int(11) NOT NULL AUTO_INCREMENT,
  \`title\` varchar(250) NOT NULL DEFAULT '',
  \`inorder\` int(11) NOT NULL DEFAULT '0',
  \`notes\` text NOT NULL,
  \`storytext\` mediumtext NOT NULL,
  \`endnotes\` text,
  \`validated\` char(1) NOT NULL DEFAULT '0',
  \`wordcount\` int(11) NOT NULL DEFAULT '0',
  \`sid\` int(11) NOT NULL DEFAULT '0',
  \`uid\` int(11) NOT NULL DEFAULT '0',
  PRIMARY KEY (\`chapid\`),
  KEY \`sid\` (\`sid\`)
) ENGINE=MyISAM DEFAULT CHARSET=utf8;
LOCK TABLES \`hl_chapters\` WRITE;
INSERT INTO \`hl_chapters\` VALUES (2,'The Second Night',2,'','<p>The storm came back on the second night, louder than before.</p>\\r\\n<p>Mara climbed the stair with the oil can and did not look down.</p>','Thank you for reading.','1',24,1,1),(1,'The First Night',1,'<p>My thanks to a patient beta.</p>','<p>Mara Quell had kept the lamp for eleven winters, and she had never once let it go dark.</p>\\n<p>\\"Hold fast,\\" she told the glass. It\\'s what her mother had said.</p>','','1',33,1,1),
(4,'Arrival',1,'','','','1',0,2,2),(5,'Departure',2,'','',NULL,'1',0,2,2),(6,'Fog Signals',1,'','<p>Nobody on the quay could see the end of their own arm that morning.</p><p>Captain Ives counted the horn\\'s blasts under his breath: one, two, three, and a back\\\\slash.</p>','','1',28,3,1),(7,'An Unread Draft',3,'','<p>Not yet approved.</p>','','0',3,1,1);
UNLOCK TABLES;

CREATE TABLE \`hl_characters\` (
  \`charid\` int(11) NOT NULL AUTO_INCREMENT,
  \`catid\` int(11) NOT NULL DEFAULT '0',
  \`charname\` varchar(60) NOT NULL DEFAULT '',
  PRIMARY KEY (\`charid\`)
) ENGINE=MyISAM DEFAULT CHARSET=utf8;
INSERT INTO \`hl_characters\` VALUES (1,1,'Mara Quell'),(2,1,'Jonah Fisk'),(3,4,'Captain Ives');

CREATE TABLE \`hl_classes\` (
  \`class_id\` int(11) NOT NULL AUTO_INCREMENT,
  \`class_type\` int(11) NOT NULL DEFAULT '0',
  \`class_name\` varchar(100) NOT NULL DEFAULT '',
  PRIMARY KEY (\`class_id\`)
) ENGINE=MyISAM DEFAULT CHARSET=utf8;
INSERT INTO \`hl_classes\` VALUES (1,1,'Angst'),(2,1,'Romance'),(3,2,'Major Character Death'),(4,2,'Mild Language');

CREATE TABLE \`hl_classtypes\` (
  \`classtype_id\` int(11) NOT NULL AUTO_INCREMENT,
  \`classtype_name\` varchar(50) NOT NULL DEFAULT '',
  \`classtype_title\` varchar(50) NOT NULL DEFAULT '',
  PRIMARY KEY (\`classtype_id\`)
) ENGINE=MyISAM DEFAULT CHARSET=utf8;
INSERT INTO \`hl_classtypes\` VALUES (1,'genres','Genres'),(2,'warnings','Warnings');

CREATE TABLE \`hl_coauthors\` (
  \`sid\` int(11) NOT NULL DEFAULT '0',
  \`uid\` int(11) NOT NULL DEFAULT '0',
  PRIMARY KEY (\`sid\`,\`uid\`)
) ENGINE=MyISAM DEFAULT CHARSET=utf8;
INSERT INTO \`hl_coauthors\` VALUES (2,3);

CREATE TABLE \`hl_inseries\` (
  \`seriesid\` int(11) NOT NULL DEFAULT '0',
  \`sid\` int(11) NOT NULL DEFAULT '0',
  \`subseriesid\` int(11) NOT NULL DEFAULT '0',
  \`confirmed\` int(11) NOT NULL DEFAULT '0',
  \`inorder\` int(11) NOT NULL DEFAULT '0',
  PRIMARY KEY (\`sid\`,\`seriesid\`,\`subseriesid\`)
) ENGINE=MyISAM DEFAULT CHARSET=utf8;
INSERT INTO \`hl_inseries\` VALUES (1,1,0,1,1),(1,3,0,1,2);

CREATE TABLE \`hl_ratings\` (
  \`rid\` int(11) NOT NULL AUTO_INCREMENT,
  \`rating\` varchar(60) NOT NULL DEFAULT '',
  \`ratingwarning\` char(1) NOT NULL DEFAULT '0',
  PRIMARY KEY (\`rid\`)
) ENGINE=MyISAM DEFAULT CHARSET=utf8;
INSERT INTO \`hl_ratings\` VALUES (1,'G','0'),(2,'PG-13','0'),(3,'NC-17','1');

CREATE TABLE \`hl_series\` (
  \`seriesid\` int(11) NOT NULL AUTO_INCREMENT,
  \`title\` varchar(200) NOT NULL DEFAULT '',
  \`summary\` text,
  \`uid\` int(11) NOT NULL DEFAULT '0',
  PRIMARY KEY (\`seriesid\`)
) ENGINE=MyISAM DEFAULT CHARSET=utf8;
INSERT INTO \`hl_series\` VALUES (1,'Tides','Stories of one coast.',1);

CREATE TABLE \`hl_stats\` (
  \`sitekey\` varchar(50) NOT NULL DEFAULT '0',
  \`stories\` int(11) NOT NULL DEFAULT '0'
) ENGINE=MyISAM DEFAULT CHARSET=utf8;
INSERT INTO \`hl_stats\` VALUES ('harbour',3);

CREATE TABLE \`hl_stories\` (
  \`sid\` int(11) NOT NULL AUTO_INCREMENT,
  \`title\` varchar(200) NOT NULL DEFAULT '',
  \`summary\` text,
  \`storynotes\` text,
  \`catid\` varchar(100) NOT NULL DEFAULT '0',
  \`classes\` varchar(200) DEFAULT NULL,
  \`charid\` varchar(250) NOT NULL DEFAULT '0',
  \`rid\` varchar(25) NOT NULL DEFAULT '0',
  \`date\` datetime NOT NULL DEFAULT '0000-00-00 00:00:00',
  \`updated\` datetime NOT NULL DEFAULT '0000-00-00 00:00:00',
  \`uid\` int(11) NOT NULL DEFAULT '0',
  \`coauthors\` varchar(200) DEFAULT NULL,
  \`validated\` char(1) NOT NULL DEFAULT '0',
  \`completed\` char(1) NOT NULL DEFAULT '0',
  \`wordcount\` int(11) NOT NULL DEFAULT '0',
  \`count\` int(11) NOT NULL DEFAULT '0',
  PRIMARY KEY (\`sid\`)
) ENGINE=MyISAM DEFAULT CHARSET=utf8;
LOCK TABLES \`hl_stories\` WRITE;
INSERT INTO \`hl_stories\` VALUES (1,'The Lamp Room','<p>A keeper, a storm, and a promise kept.</p>','Written for a winter prompt.','2','1,3','1,2','2','2005-03-01 12:00:00','2005-04-02 09:30:00',1,'0','1','1',57,120);
INSERT INTO \`hl_stories\` VALUES (2,'Salt and Iron','Two harbours, one ship.',NULL,'3,4','2,4','3','3','2006-06-10 08:00:00','2006-07-01 08:00:00',2,'1','1','0',0,14),(3,'Fog Signals','Captain Ives \\\\ the \\"horn\\".','','4','','3','1','2007-01-05 00:00:00','0000-00-00 00:00:00',1,NULL,'1','1',28,3);
UNLOCK TABLES;
/*!40101 SET CHARACTER_SET_CLIENT=@OLD_CHARACTER_SET_CLIENT */;

-- Dump completed on 2009-11-02 21:14:07
`

/** The dump's text. */
export const EFICTION_DUMP = TABLES

/** Story 2's chapter text, which eFiction kept in files under stories/<uid>/. */
export const EFICTION_CHAPTER_FILES: Readonly<Record<string, string>> = {
  'stories/2/4.txt':
    '<p>The ship came into the south harbour with its sails torn and its crew singing anyway.</p>\n<p>Odile counted the barrels twice and wrote the number on her sleeve.</p>',
  'stories/2/5.txt':
    'The ship left the north harbour at dawn.\n\nTamsin watched it go from the sea wall until the mast was a pencil line and then nothing at all.',
}
