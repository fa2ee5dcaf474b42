/* The site's only script: progressive enhancement, nothing needs it to read or navigate. */
(function () {
  "use strict";
  // The menu is a <details>: on a wide screen CSS shows its content; where a browser cannot
  // (no ::details-content), open it here. Escape closes an open submenu.
  var menu = document.querySelector(".site-menu");
  if (menu && window.matchMedia) {
    var wide = window.matchMedia("(min-width: 56rem)");
    var styled = window.CSS && CSS.supports && CSS.supports("selector(::details-content)");
    var sync = function () { if (wide.matches && !styled) { menu.open = true; } };
    sync();
    if (wide.addEventListener) { wide.addEventListener("change", sync); }
  }
  var submenus = document.querySelectorAll(".site-submenu");
  Array.prototype.forEach.call(submenus, function (submenu) {
    submenu.addEventListener("toggle", function () {
      if (!submenu.open) { return; }
      Array.prototype.forEach.call(submenus, function (other) { if (other !== submenu) { other.open = false; } });
    });
    submenu.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && submenu.open) {
        submenu.open = false;
        submenu.querySelector("summary").focus();
      }
    });
  });
  document.addEventListener("click", function (event) {
    Array.prototype.forEach.call(submenus, function (submenu) {
      if (submenu.open && !submenu.contains(event.target)) { submenu.open = false; }
    });
  });
  // "Sao chép liên kết": shown only where the clipboard can be written.
  var copy = document.querySelector("[data-copy-url]");
  if (copy && navigator.clipboard && window.isSecureContext) {
    var status = copy.parentNode.querySelector(".share__status");
    copy.hidden = false;
    copy.addEventListener("click", function () {
      navigator.clipboard.writeText(copy.getAttribute("data-copy-url")).then(
        function () { if (status) { status.textContent = "Đã sao chép liên kết."; } },
        function () { if (status) { status.textContent = "Không sao chép được, hãy chép địa chỉ trên thanh trình duyệt."; } }
      );
    });
  }
})();
