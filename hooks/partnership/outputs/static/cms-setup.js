/* The content manager's additions to Decap CMS (written into /admin/ by the build).
   window.PARTNERSHIP_PREVIEW_STYLES (set above this by the build) lists the site's stylesheets. */
(function () {
  "use strict";
  var CMS = window.CMS;
  (window.PARTNERSHIP_PREVIEW_STYLES || []).forEach(function (href) {
    CMS.registerPreviewStyle(href);
  });

  // The preview of a case study or news post, laid out as the site lays out a page.
  function pagePreview(kind) {
    return window.createClass({
      render: function () {
        var h = window.h;
        var data = this.props.entry.get("data");
        return h(
          "div",
          { className: "md-container" },
          h(
            "main",
            { className: "md-main" },
            h(
              "article",
              { className: "md-content__inner md-typeset" },
              h("p", { className: "ps-preview__kind" }, kind),
              h("h1", {}, data.get("title") || ""),
              h("p", { className: "ps-summary" }, data.get("summary") || ""),
              this.props.widgetFor("body")
            )
          )
        );
      },
    });
  }
  CMS.registerPreviewTemplate("case_studies", pagePreview("Case study"));
  CMS.registerPreviewTemplate("news", pagePreview("News"));

  // Images in the text: the alt text is asked for first, and the text cannot be saved without it
  // (the body's pattern in config.yml refuses an image with empty alt text).
  CMS.registerEditorComponent({
    id: "image",
    label: "Image",
    pattern: /^!\[([^\]]*)\]\((.*?)(\s"([^"]*)")?\)/,
    fromBlock: function (match) {
      return match && { image: match[2], alt: match[1], title: match[4] };
    },
    toBlock: function (data) {
      var alt = (data.alt || "").replace(/[\[\]]/g, "");
      var title = data.title ? ' "' + data.title.replace(/"/g, '\\"') + '"' : "";
      return "![" + alt + "](" + (data.image || "") + title + ")";
    },
    toPreview: function (data, getAsset, fields) {
      var field = fields && fields.find(function (f) { return f.get("widget") === "image"; });
      return window.h("img", { src: getAsset(data.image, field) || "", alt: data.alt || "" });
    },
    fields: [
      { label: "Image", name: "image", widget: "image", media_library: { allow_multiple: false } },
      {
        label: "Alt text (required): what the image shows, for people who cannot see it",
        name: "alt",
        widget: "string",
        required: true,
      },
      { label: "Title (optional)", name: "title", widget: "string", required: false },
    ],
  });
})();
