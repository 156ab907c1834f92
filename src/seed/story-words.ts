// Words for generated story text, most frequent first in each language (a Zipf law picks them,
// so the index holds a few very common words and many rare ones, as real prose does), and motif
// phrases that a few works carry, so a phrase search has a known, modest number of matches.

/** The languages generated text comes in; other languages appear only on works without text. */
export const TEXT_LANGUAGES = ['en', 'es', 'de', 'fr', 'zh', 'ja', 'ko'] as const
export type TextLanguage = (typeof TEXT_LANGUAGES)[number]

export type LanguageWords = Readonly<{
  words: readonly string[]
  motifs: readonly string[]
  /** Chinese and Japanese put no spaces between words. */
  spaced: boolean
  stop: string
}>

const split = (text: string) => text.trim().split(/\s+/u)

export const STORY_WORDS: Readonly<Record<TextLanguage, LanguageWords>> = {
  en: {
    words: split(`the and to a of he she was in it that his her you with had for as on at but
      not they said him be all were one so from what there would out up then we could into
      them about like back know just time when only over door hand eyes looked thought night
      still away again room way light something never before after down little long voice
      felt turned smiled quietly slowly morning window coffee river bridge letter silence
      winter summer library kitchen friend stranger question answer promise careful breath
      heart rain street city train station garden ocean storm candle shadow forest road home
      mirror memory laughter kiss whisper dawn evening secret ship harbour island mountain
      valley snow fire smoke glass stone paper book song music dream sleep tired warm cold
      bright dark soft gentle quiet empty broken golden silver tiny ancient strange familiar
      wondered waited walked reached pulled pushed opened closed listened watched remembered
      forgot believed tried wanted needed held touched laughed sighed frowned nodded shrugged
      ran stopped stayed left returned fell rose burned shook trembled lingered breathed
      finally almost perhaps suddenly always softly gently carefully barely nearly`),
    motifs: ['the lighthouse keeper', 'a letter that came too late', 'the last train home',
      'under the old bridge', 'the quiet harbour at dawn', 'a promise kept in winter'],
    spaced: true,
    stop: '.',
  },
  es: {
    words: split(`de la que el en y a los se del las un por con no una su para es al lo como
      más pero sus le ya o fue este ha sí porque esta son entre cuando muy sin sobre también
      me hasta hay donde quien desde todo nos durante todos uno les ni contra otros ese eso
      ante ellos noche puerta mano ojos luz casa tiempo vida mundo día camino ciudad mar
      corazón silencio carta invierno verano cocina amigo pregunta respuesta promesa lluvia
      calle tren estación jardín tormenta vela sombra bosque espejo recuerdo beso susurro
      amanecer secreto barco puerto isla montaña nieve fuego humo piedra libro canción sueño
      miró pensó sonrió esperó caminó abrió cerró escuchó recordó olvidó quería necesitaba
      tocó rió suspiró despacio suavemente siempre casi quizás`),
    motifs: ['el guardián del faro', 'una carta que llegó tarde', 'el último tren a casa'],
    spaced: true,
    stop: '.',
  },
  de: {
    words: split(`der die und in den von zu das mit sich des auf für ist im dem nicht ein eine
      als auch es an er hat aus bei sie nach wird um noch wie einem über einen so zum war
      haben nur oder aber vor zur bis mehr durch man sein wurde sei ihr wir ich Nacht Tür Hand
      Augen Licht Haus Zeit Leben Welt Tag Weg Stadt Meer Herz Stille Brief Winter Sommer
      Küche Freund Frage Antwort Versprechen Regen Straße Zug Bahnhof Garten Sturm Kerze
      Schatten Wald Spiegel Erinnerung Kuss Flüstern Morgen Geheimnis Schiff Hafen Insel Berg
      Schnee Feuer Rauch Stein Buch Lied Traum sah dachte lächelte wartete ging öffnete
      schloss hörte erinnerte vergaß wollte brauchte berührte lachte seufzte langsam leise
      immer fast vielleicht plötzlich endlich`),
    motifs: ['der Wärter des Leuchtturms', 'ein Brief, der zu spät kam', 'der letzte Zug nach Hause'],
    spaced: true,
    stop: '.',
  },
  fr: {
    words: split(`de la le et les des en un du une que est pour qui dans par il au sur pas
      plus ne se ce elle son sa avec ses mais comme on tout nous ils lui leur été aussi fait
      sans bien où encore même peu avant après nuit porte main yeux lumière maison temps vie
      monde jour chemin ville mer cœur silence lettre hiver été cuisine ami question réponse
      promesse pluie rue train gare jardin tempête bougie ombre forêt miroir souvenir baiser
      murmure aube secret navire port île montagne neige feu fumée pierre livre chanson rêve
      regarda pensa sourit attendit marcha ouvrit ferma écouta souvint oublia voulait
      touchait rit soupira lentement doucement toujours presque peut-être soudain enfin`),
    motifs: ['le gardien du phare', 'une lettre arrivée trop tard', 'le dernier train du soir'],
    spaced: true,
    stop: '.',
  },
  zh: {
    words: split(`的 了 他 她 是 在 我 你 我们 一个 没有 这 那 说 看着 知道 时候 已经 还是 因为
      所以 但是 如果 自己 什么 怎么 这样 那里 晚上 早上 房间 窗户 门口 眼睛 声音 心里 记忆
      秘密 雨水 街道 城市 火车 车站 花园 大海 风暴 蜡烛 影子 森林 镜子 亲吻 黎明 港口 岛屿
      山谷 雪花 火焰 石头 书本 歌声 梦想 安静 温暖 寒冷 明亮 黑暗 温柔 空荡 破碎 金色 银色
      古老 陌生 熟悉 等待 走过 打开 关上 听见 记得 忘记 相信 想要 需要 握住 笑了 叹气 点头
      离开 回来 终于 也许 突然 总是 慢慢 轻轻 朋友 陌生人 问题 回答 承诺 信件 冬天 夏天`),
    motifs: ['灯塔看守人', '一封迟到的信', '回家的最后一班火车'],
    spaced: false,
    stop: '。',
  },
  ja: {
    words: split(`の は に を が と で た も て だ し です ます から まで 彼 彼女 私 あなた その
      この あの 言った 見た 思った 知って いる ある なかった 時間 夜 朝 部屋 窓 扉 目 声 心
      記憶 秘密 雨 道 街 電車 駅 庭 海 嵐 蝋燭 影 森 鏡 口づけ 夜明け 港 島 山 雪 火 煙 石 本
      歌 夢 静か 暖かい 冷たい 明るい 暗い 優しい 空っぽ 壊れた 金色 銀色 古い 見知らぬ
      懐かしい 待った 歩いた 開けた 閉めた 聞いた 覚えて 忘れた 信じた 欲しかった 触れた
      笑った ため息 頷いた 帰った ついに たぶん 突然 いつも ゆっくり そっと 友達 質問 答え
      約束 手紙 冬 夏 台所 図書館`),
    motifs: ['灯台守', '遅すぎた手紙', '最終電車'],
    spaced: false,
    stop: '。',
  },
  ko: {
    words: split(`그는 그녀는 나는 우리는 그리고 하지만 그래서 그때 이 그 저 있었다 없었다 말했다
      보았다 생각했다 알았다 밤에 아침에 방에서 창문을 문을 눈을 목소리가 마음이 기억이
      비밀을 비가 거리를 도시의 기차를 역에서 정원에서 바다를 폭풍이 촛불을 그림자가 숲에서
      거울을 입맞춤 새벽에 항구에서 섬으로 산을 눈이 불이 연기가 돌을 책을 노래를 꿈을 조용히
      따뜻한 차가운 밝은 어두운 부드러운 텅 빈 부서진 금빛 은빛 오래된 낯선 익숙한 기다렸다
      걸었다 열었다 닫았다 들었다 기억했다 잊었다 믿었다 원했다 만졌다 웃었다 한숨을
      끄덕였다 돌아왔다 마침내 아마 갑자기 항상 천천히 살며시 친구 질문 대답 약속 편지
      겨울 여름 부엌 도서관`),
    motifs: ['등대지기', '너무 늦게 온 편지', '집으로 가는 마지막 기차'],
    spaced: true,
    stop: '.',
  },
}
