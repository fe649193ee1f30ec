package dev.mistralboot.client.ocr;

import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.mistralboot.client.chat.ImageDetail;
import dev.mistralboot.client.chat.ImageUrl;
import dev.mistralboot.client.chat.ImageUrlChunk;
import dev.mistralboot.client.chat.ResponseFormat;
import dev.mistralboot.client.chat.TextChunk;
import dev.mistralboot.client.core.MistralServerException;
import dev.mistralboot.client.test.MistralWireMock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MistralOcrClientTests {

	static final String OPERATION = "ocr_v1_ocr_post";

	static final String ANSWER = """
			{"pages":[
			  {"index":0,"markdown":"# LEVERAGING UNLABELED DATA\\n\\n![img-0.jpeg](img-0.jpeg)\\n\\n[tbl-0.md](tbl-0.md)",
			   "images":[{"id":"img-0.jpeg","top_left_x":292,"top_left_y":217,"bottom_right_x":1405,"bottom_right_y":649,
			              "image_base64":"data:image/jpeg;base64,/9j/4AAQ","image_annotation":"{\\"kind\\":\\"chart\\"}"}],
			   "tables":[{"id":"tbl-0.md","content":"| a | b |\\n|---|---|\\n| 1 | 2 |","format":"markdown",
			              "word_confidence_scores":[{"text":"a","confidence":0.99,"start_index":2}]}],
			   "hyperlinks":["https://github.com/saurabhgarg1996/ATC_code"],
			   "header":"Published as a conference paper at ICLR 2022","footer":"1",
			   "dimensions":{"dpi":200,"height":2200,"width":1700},
			   "confidence_scores":{"word_confidence_scores":[{"text":"LEVERAGING","confidence":0.97,"start_index":2}],
			                        "average_page_confidence_score":0.95,"minimum_page_confidence_score":0.61},
			   "blocks":[{"type":"title","top_left_x":100,"top_left_y":80,"bottom_right_x":1600,"bottom_right_y":140,"content":"LEVERAGING UNLABELED DATA",
			              "confidence_scores":{"average_content_confidence_score":0.96,"minimum_content_confidence_score":0.9,"block_type_confidence_score":0.99}},
			             {"type":"image","top_left_x":292,"top_left_y":217,"bottom_right_x":1405,"bottom_right_y":649,"content":"","image_id":"img-0.jpeg"},
			             {"type":"table","top_left_x":300,"top_left_y":700,"bottom_right_x":1400,"bottom_right_y":900,"content":"| a | b |","table_id":"tbl-0.md"}]},
			  {"index":1,"markdown":"Second page.","images":[],"dimensions":{"dpi":200,"height":2200,"width":1700}}],
			 "model":"mistral-ocr-2505-completion",
			 "document_annotation":"{\\"title\\":\\"Leveraging unlabeled data\\"}",
			 "usage_info":{"pages_processed":2,"doc_size_bytes":3002783}}
			""";

	@RegisterExtension
	static final MistralWireMock wireMock = new MistralWireMock();

	WireMockServer server;

	MistralOcrClient client;

	@BeforeEach
	void start() {
		this.server = wireMock.server();
		this.client = new MistralOcrClient(wireMock.retryingHttp(), new OcrDefaults("mistral-ocr-latest"));
	}

	@Test
	void documentUrlWithEveryOptionAndAnnotationFormats() {
		this.server.stubFor(post("/v1/ocr").willReturn(okJson(MistralWireMock.conformingResponse(OPERATION, ANSWER))));
		Map<String, Object> paperSchema = Map.of("type", "object", "properties",
				Map.of("title", Map.of("type", "string")), "required", java.util.List.of("title"));
		Map<String, Object> imageSchema = Map.of("type", "object", "properties",
				Map.of("kind", Map.of("type", "string")));

		OcrResponse response = this.client.process(OcrRequest.builder()
			.documentUrl("https://arxiv.org/pdf/2201.04234")
			.pages(0, 1)
			.includeImageBase64(true)
			.imageLimit(5)
			.imageMinSize(50)
			.bboxAnnotationFormat(ResponseFormat.jsonSchema("image", imageSchema, false))
			.documentAnnotationFormat(ResponseFormat.jsonSchema("paper", paperSchema, true))
			.documentAnnotationPrompt("Extract the title")
			.tableFormat(OcrTableFormat.MARKDOWN)
			.extractHeader(true)
			.extractFooter(true)
			.includeBlocks(true)
			.confidenceScoresGranularity(OcrConfidenceGranularity.WORD)
			.build());

		assertThat(response.model()).isEqualTo("mistral-ocr-2505-completion");
		assertThat(response.documentAnnotation()).isEqualTo("{\"title\":\"Leveraging unlabeled data\"}");
		assertThat(response.usageInfo().pagesProcessed()).isEqualTo(2);
		assertThat(response.usageInfo().docSizeBytes()).isEqualTo(3002783L);
		assertThat(response.markdown()).startsWith("# LEVERAGING UNLABELED DATA").endsWith("Second page.");
		OcrPage page = response.pages().get(0);
		assertThat(page.images()).singleElement().satisfies((image) -> {
			assertThat(image.id()).isEqualTo("img-0.jpeg");
			assertThat(image.bottomRightX()).isEqualTo(1405);
			assertThat(image.imageAnnotation()).isEqualTo("{\"kind\":\"chart\"}");
			assertThat(image.toString()).doesNotContain("/9j/4AAQ");
		});
		assertThat(page.tables()).singleElement().satisfies((table) -> {
			assertThat(table.format()).isEqualTo(OcrTableFormat.MARKDOWN);
			assertThat(table.wordConfidenceScores()).singleElement()
				.extracting(OcrConfidenceScore::startIndex)
				.isEqualTo(2);
		});
		assertThat(page.header()).isEqualTo("Published as a conference paper at ICLR 2022");
		assertThat(page.hyperlinks()).containsExactly("https://github.com/saurabhgarg1996/ATC_code");
		assertThat(page.dimensions().dpi()).isEqualTo(200);
		assertThat(page.confidenceScores().minimumPageConfidenceScore()).isEqualTo(0.61);
		assertThat(page.blocks()).extracting(OcrBlock::type)
			.containsExactly(OcrBlockType.TITLE, OcrBlockType.IMAGE, OcrBlockType.TABLE);
		assertThat(page.blocks().get(0).confidenceScores().blockTypeConfidenceScore()).isEqualTo(0.99);
		assertThat(page.blocks().get(1).imageId()).isEqualTo("img-0.jpeg");
		assertThat(page.blocks().get(2).tableId()).isEqualTo("tbl-0.md");
		assertThat(response.pages().get(1).blocks()).isEmpty();
		this.server.verify(postRequestedFor(urlEqualTo("/v1/ocr"))
			.withHeader("Authorization", equalTo("Bearer " + MistralWireMock.API_KEY))
			.withRequestBody(equalToJson(
					"""
							{"model":"mistral-ocr-latest",
							 "document":{"type":"document_url","document_url":"https://arxiv.org/pdf/2201.04234"},
							 "pages":[0,1],"include_image_base64":true,"image_limit":5,"image_min_size":50,
							 "bbox_annotation_format":{"type":"json_schema","json_schema":{"name":"image","schema":{"type":"object","properties":{"kind":{"type":"string"}}},"strict":false}},
							 "document_annotation_format":{"type":"json_schema","json_schema":{"name":"paper","schema":{"type":"object","properties":{"title":{"type":"string"}},"required":["title"]},"strict":true}},
							 "document_annotation_prompt":"Extract the title","table_format":"markdown",
							 "extract_header":true,"extract_footer":true,"include_blocks":true,"confidence_scores_granularity":"word"}
							""")));
	}

	@Test
	void imageUrlAndUploadedFile() {
		this.server.stubFor(post("/v1/ocr").willReturn(okJson(ANSWER)));

		this.client.process(OcrRequest.builder()
			.document(new ImageUrlChunk(new ImageUrl("https://example.com/receipt.png", ImageDetail.HIGH)))
			.model("mistral-ocr-2505")
			.pages("0-2")
			.build());
		this.client.process(OcrRequest.builder().fileId("3b6d45eb-e30b-416f-8019-f47e2e93d26a").build());

		this.server.verify(postRequestedFor(urlEqualTo("/v1/ocr")).withRequestBody(equalToJson(
				"""
						{"model":"mistral-ocr-2505","document":{"type":"image_url","image_url":{"url":"https://example.com/receipt.png","detail":"high"}},"pages":"0-2"}""")));
		this.server.verify(postRequestedFor(urlEqualTo("/v1/ocr")).withRequestBody(equalToJson(
				"""
						{"model":"mistral-ocr-latest","document":{"type":"file","file_id":"3b6d45eb-e30b-416f-8019-f47e2e93d26a"}}""")));
	}

	@Test
	void anExtraBodyPropertyReachesTheWireAlsoWhenTheDefaultModelIsFilledIn() {
		// The property is unknown to the description: its check is skipped for this
		// request.
		wireMock.skipContractCheck();
		this.server.stubFor(post("/v1/ocr").willReturn(okJson(ANSWER)));

		this.client.process(OcrRequest.builder().fileId("f1").putAdditionalProperty("language_hint", "fr").build());

		this.server.verify(postRequestedFor(urlEqualTo("/v1/ocr")).withRequestBody(equalToJson("""
				{"model":"mistral-ocr-latest","document":{"type":"file","file_id":"f1"},"language_hint":"fr"}""")));
	}

	@Test
	void unknownBlockTypesAndFieldsNeverBreakParsing() {
		this.server.stubFor(post("/v1/ocr").willReturn(
				okJson("""
						{"pages":[{"index":0,"markdown":"x","images":[],"dimensions":null,"new_field":1,
						  "blocks":[{"type":"handwriting","top_left_x":1,"top_left_y":2,"bottom_right_x":3,"bottom_right_y":4,"content":"hi"}]}],
						 "model":"mistral-ocr-2512","usage_info":{"pages_processed":1,"doc_size_bytes":null,"pages_billed":1}}""")));

		OcrResponse response = this.client
			.process(OcrRequest.builder().imageUrl("data:image/png;base64,iVBORw0KGgo=").build());

		OcrBlock block = response.pages().get(0).blocks().get(0);
		assertThat(block.type()).isEqualTo(OcrBlockType.UNKNOWN);
		assertThat(block.rawType()).isEqualTo("handwriting");
		assertThat(block.content()).isEqualTo("hi");
	}

	@Test
	void aGatewayErrorIsAServerException() {
		this.server.stubFor(post("/v1/ocr").willReturn(aResponse().withStatus(504)
			.withHeader("Content-Type", "text/html")
			.withBody("<html><head><title>504 Gateway Time-out</title></head><body>timeout</body></html>")));

		assertThatThrownBy(
				() -> this.client.process(OcrRequest.builder().documentUrl("https://example.com/a.pdf").build()))
			.isInstanceOf(MistralServerException.class)
			.hasMessageContaining("504 Gateway Time-out")
			.hasMessageNotContaining(MistralWireMock.API_KEY);
	}

	@Test
	void badInputIsRejectedBeforeSending() {
		assertThatIllegalArgumentException().isThrownBy(() -> OcrRequest.builder().build())
			.withMessageContaining(".documentUrl(...), .imageUrl(...) or .fileId(...)");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> OcrRequest.builder().document(new TextChunk("not a document")).build())
			.withMessageContaining("not a TextChunk");
		assertThatIllegalArgumentException().isThrownBy(() -> OcrRequest.builder().fileId("f").pages(-1).build())
			.withMessageContaining("start at 0");
		assertThatIllegalArgumentException().isThrownBy(
				() -> new MistralOcrClient(wireMock.retryingHttp()).process(OcrRequest.builder().fileId("f").build()))
			.withMessageContaining("mistral.ocr.model");
		assertThat(this.server.getAllServeEvents()).isEmpty();
	}

}
