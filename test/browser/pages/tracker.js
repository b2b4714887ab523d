// Stands in for a tracker that uses every kind of storage: what must not
// happen before consent, and does once it is given.
window.trackerRuns = (window.trackerRuns || 0) + 1;
document.cookie = '_tracker=1; path=/; max-age=86400';
localStorage.setItem('tracker', '1');
sessionStorage.setItem('tracker-session', '1');
