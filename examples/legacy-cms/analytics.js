// Stands in for a real analytics tag: sets cookies and says it ran.
document.cookie = '_ga=GA1.1.' + Date.now() + '; path=/; max-age=63072000';
document.cookie = '_gid=GA1.1.' + Date.now() + '; path=/; max-age=86400';
window.analyticsRuns = (window.analyticsRuns || 0) + 1;
var status = document.getElementById('analytics-status');
if (status) {
  status.textContent = 'Analytics is running: it set the _ga and _gid cookies.';
  status.setAttribute('data-on', '');
}
