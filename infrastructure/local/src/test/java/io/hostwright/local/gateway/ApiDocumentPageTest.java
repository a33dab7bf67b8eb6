package io.hostwright.local.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The page {@code GET /docs} shows, made from the YAML on the server. */
class ApiDocumentPageTest {

    private static final String YAML = """
            openapi: 3.0.3
            info: { title: "Shop <API>", version: "2", description: "Paragraph one with `code`.\\n\\nParagraph <two>." }
            security: [ { bearer: [] } ]
            paths:
              /v1/things/{thingId}:
                get:
                  operationId: getThing
                  summary: One thing
                  security: []
                  parameters:
                    - { $ref: "#/components/parameters/ThingId" }
                  responses:
                    "200":
                      description: The thing
                      headers: { ETag: { schema: { type: string }, description: its version } }
                      content: { application/json: { schema: { $ref: "#/components/schemas/Thing" } } }
                    "404": { $ref: "#/components/responses/Problem" }
              /v1/admin/things:
                post:
                  summary: "Staff: add one"
                  security: [ { bearer: [admin] } ]
                  requestBody:
                    required: true
                    content: { application/json: { schema: { $ref: "#/components/schemas/Thing" } } }
                  responses:
                    "201": { description: Made }
            components:
              parameters:
                ThingId: { name: thingId, in: path, required: true, schema: { type: string, maxLength: 40 } }
              responses:
                Problem:
                  description: A problem
                  content: { application/problem+json: { schema: { type: object } } }
              schemas:
                Thing:
                  type: object
                  required: [id]
                  description: "A <b>thing</b>"
                  properties:
                    id: { type: string, example: t-1 }
                    size: { type: string, nullable: true, enum: [S, M, null] }
                    tags: { type: array, items: { type: string } }
                    parts:
                      type: array
                      items: { type: object, properties: { name: { type: string } } }
                    owner: { $ref: "#/components/schemas/Owner" }
                Owner:
                  type: object
                  properties: { email: { type: string, format: email } }
            """;

    private final String html = render();

    private static String render() {
        try {
            JsonNode document = new ObjectMapper(new YAMLFactory()).readTree(YAML);
            return ApiDocumentPage.render(document, "/openapi.yaml");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void indexesEveryOperationWithWhoMayCallIt() {
        assertThat(html).contains("<title>Shop &lt;API&gt; 2</title>", "<a href=\"/openapi.yaml\">openapi.yaml</a>")
                .contains("<a href=\"#op-getThing\"><code>/v1/things/{thingId}</code></a></td><td>anyone</td>")
                .contains("<a href=\"#op-post-v1-admin-things\">", "staff (token with scope admin)");
    }

    @Test
    void showsParametersBodiesAndAnswersWithLinksToSchemas() {
        assertThat(html).contains("<code>thingId</code> <span class=\"req\">required</span></td><td>path</td><td>string "
                        + "<span class=\"limits\">(maxLength 40)</span>")
                .contains("<h4>Request body (required)</h4>", "<code>application/json</code>: <a href=\"#schema-Thing\">Thing</a>")
                .contains("<td><b>404</b></td><td>A problem</td><td><code>application/problem+json</code>: object</td>")
                .contains("Headers: <code>ETag</code> (its version)");
    }

    @Test
    void listsSchemasWithTheirPropertiesNestedOnes() {
        assertThat(html).contains("id=\"schema-Thing\"", "id=\"schema-Owner\"")
                .contains("<code>size</code></td><td>string: one of <code>S</code>, <code>M</code>, <code>null</code> or <code>null</code>")
                .contains("<code>tags</code></td><td>array of string")
                .contains("<code>parts[].name</code>")
                .contains("<code>owner</code></td><td><a href=\"#schema-Owner\">Owner</a>")
                .contains("string (email)");
    }

    @Test
    void escapesTheDocumentsTextAndMarksCode() {
        assertThat(html).contains("<p class=\"text\">Paragraph one with <code>code</code>.</p>",
                "<p class=\"text\">Paragraph &lt;two&gt;.</p>", "A &lt;b&gt;thing&lt;/b&gt;")
                .doesNotContain("<two>", "<b>thing", "<script");
    }
}
