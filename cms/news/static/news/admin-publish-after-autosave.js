// Publishing (or any action button) while Wagtail's autosave is in flight waits for the autosave
// to finish, then submits the same button again. The first autosave of a new page creates it
// and moves the form to the page's edit URL; a submit that overtook it went to the "add" URL,
// created a second page and failed on the slug the autosaved draft already held (issue 14).
(function () {
  "use strict";

  var pending = new WeakSet();

  document.addEventListener("w-autosave:save", function (event) {
    if (!event.defaultPrevented) {
      pending.add(event.target);
    }
  });
  ["w-autosave:success", "w-autosave:error"].forEach(function (name) {
    document.addEventListener(name, function (event) {
      pending.delete(event.target);
      event.target.dispatchEvent(new CustomEvent("news:autosave-settled"));
    });
  });

  document.addEventListener(
    "submit",
    function (event) {
      var form = event.target;
      if (!(form instanceof HTMLFormElement) || !pending.has(form)) {
        return;
      }
      event.preventDefault();
      event.stopImmediatePropagation();
      var submitter = event.submitter;
      form.addEventListener(
        "news:autosave-settled",
        function () {
          // Wagtail has just pointed the form at the page's edit URL, if the autosave created it.
          if (submitter && submitter.form === form) {
            // Wagtail's progress state may have disabled the button, which would drop its
            // name (action-publish…) from the form data.
            submitter.disabled = false;
            form.requestSubmit(submitter);
          } else {
            form.requestSubmit();
          }
        },
        { once: true },
      );
    },
    true,
  );
})();
