// The "blocked analytics script" of every benchmark page: it records when it
// ran (milliseconds since navigation start) and how many times.
window.__analyticsRan = window.__analyticsRan || performance.now();
window.__analyticsCount = (window.__analyticsCount || 0) + 1;
