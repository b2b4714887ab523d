// The site's "larger text" setting, remembered in a cookie only while
// preference cookies run (under the appearance exemption, unless the visitor
// objects). Without them the setting lasts for this page only.
(() => {
  var button = document.getElementById('text-size');
  var apply = (large) => {
    document.documentElement.classList.toggle('large-text', large);
    button.setAttribute('aria-pressed', String(large));
  };
  apply(/(^|; )text_size=large(;|$)/.test(document.cookie));
  button.addEventListener('click', () => {
    var large = button.getAttribute('aria-pressed') != 'true';
    apply(large);
    window.Biscuit = window.Biscuit || [];
    window.Biscuit.push((consent) => {
      if (consent.allowed('preferences')) document.cookie = 'text_size=' + (large ? 'large' : 'default') + '; path=/; max-age=31536000';
    });
  });
})();
