package dev.mistralboot.client.core;

import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.web.util.DefaultUriBuilderFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class UriTemplatesTests {

	private final DefaultUriBuilderFactory factory = new DefaultUriBuilderFactory("http://127.0.0.1:1");

	@Test
	void pathVariablesAreEncodedStrictly() {
		URI uri = expand(ApiRequest.get("/v1/models/{model_id}", "ft:open-mistral-7b:a/b c+d?e#f%g").operation("t"));
		assertThat(uri.getRawPath()).isEqualTo("/v1/models/ft%3Aopen-mistral-7b%3Aa%2Fb%20c%2Bd%3Fe%23f%25g");
		assertThat(uri.getPath()).isEqualTo("/v1/models/ft:open-mistral-7b:a/b c+d?e#f%g");
	}

	@Test
	void queryValuesAreEncodedStrictly() {
		URI uri = expand(ApiRequest.get("/v1/files")
			.operation("t")
			.query("search", "a b+c/d&e=f")
			.query("page", 2)
			.query("purpose", null)
			.query("ids", List.of("x y", "z")));
		assertThat(uri.getRawQuery()).isEqualTo("search=a%20b%2Bc%2Fd%26e%3Df&page=2&ids=x%20y&ids=z");
	}

	@Test
	void templateCharactersInValuesAreNotExpanded() {
		URI uri = expand(ApiRequest.get("/v1/files/{file_id}", "{other}").operation("t").query("q", "{x}"));
		assertThat(uri.getRawPath()).isEqualTo("/v1/files/%7Bother%7D");
		assertThat(uri.getRawQuery()).isEqualTo("q=%7Bx%7D");
	}

	@Test
	void multipleVariablesInOrder() {
		URI uri = expand(
				ApiRequest.get("/v1/libraries/{library_id}/documents/{document_id}", "lib 1", "doc/2").operation("t"));
		assertThat(uri.getRawPath()).isEqualTo("/v1/libraries/lib%201/documents/doc%2F2");
	}

	@Test
	void blankOrMissingVariablesAreRejected() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> expand(ApiRequest.get("/v1/files/{file_id}", " ").operation("files.get")))
			.withMessageContaining("file_id must not be blank");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> expand(ApiRequest.get("/v1/files/{file_id}").operation("files.get")))
			.withMessageContaining("No value for {file_id}");
	}

	@Test
	void theTemplateIsThePathWithNamedQueryVariables() {
		UriTemplates.Expansion expansion = UriTemplates.of(ApiRequest.get("/v1/files/{file_id}", "f-1")
			.operation("t")
			.query("page", 2)
			.query("ids", List.of("x", "y"))
			.build());
		assertThat(expansion.template())
			.isEqualTo("/v1/files/{file_id}?page={query.page}&ids={query.ids}&ids={query.ids.1}");
		assertThat(expansion.variables()).containsEntry("file_id", "f-1")
			.containsEntry("query.page", "2")
			.containsEntry("query.ids", "x")
			.containsEntry("query.ids.1", "y");
		assertThat(UriTemplates.of(ApiRequest.get("/v1/models").operation("t").build()).template())
			.isEqualTo("/v1/models");
	}

	private URI expand(ApiRequest.Builder request) {
		UriTemplates.Expansion expansion = UriTemplates.of(request.build());
		return this.factory.expand(expansion.template(), expansion.variables());
	}

}
