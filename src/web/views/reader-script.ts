// Progressive enhancement for the reading settings form: without it the Apply button reloads
// the page through /preferences; with it a choice shows at once, and the same GET request saves
// it in the background (`redirect: 'manual'` keeps the browser from loading the page again).
/** The script every page ends with; plain ES2017, no library. */
export const READER_SCRIPT = `
(function () {
  var form = document.querySelector('form.reader-settings')
  if (!form || !window.fetch || !window.URLSearchParams) return
  form.addEventListener('change', function (event) {
    var select = event.target
    if (select.name !== 'theme' && select.name !== 'size') return
    document.documentElement.setAttribute('data-' + select.name, select.value)
    var query = new URLSearchParams(new FormData(form)).toString()
    fetch(form.action + '?' + query, { credentials: 'same-origin', redirect: 'manual' })
  })
})()
`
