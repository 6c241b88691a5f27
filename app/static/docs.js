// Renders the API description with the bundled Swagger UI (no inline script, no CDN).
window.addEventListener("load", function () {
  window.SwaggerUIBundle({ url: "/openapi.json", dom_id: "#swagger-ui" });
});
