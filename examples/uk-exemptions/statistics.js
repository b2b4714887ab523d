// Stands in for first-party statistics the site runs itself (Matomo on the
// council's own server, say), counting visits in aggregate to improve the
// site: sets its cookie and says it ran.
(() => {
  document.cookie = '_pk_id=' + Date.now() + '; path=/; max-age=34128000';
  window.statisticsRuns = (window.statisticsRuns || 0) + 1;
  var line = document.getElementById('statistics-status');
  if (line) {
    line.textContent = 'Statistics are running: they set the _pk_id cookie.';
    line.setAttribute('data-on', '');
  }
})();
