package dev.mistralboot.contract;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MultipartFormTests {

	@Test
	void boundaryIsReadFromTheContentTypeQuotedOrNot() {
		assertThat(MultipartForm.boundary("multipart/form-data; boundary=abc")).contains("abc");
		assertThat(MultipartForm.boundary("multipart/form-data;charset=UTF-8;boundary=\"a;b c\"")).contains("a;b c");
		assertThat(MultipartForm.boundary("multipart/form-data")).isEmpty();
		assertThat(MultipartForm.boundary(null)).isEmpty();
	}

	@Test
	void parsesFieldsAndFilesWithCrlfOrLf() {
		for (String eol : List.of("\r\n", "\n")) {
			String body = "preamble" + eol + "--XyZ" + eol + "Content-Disposition: form-data; name=\"purpose\"" + eol
					+ eol + "batch" + eol + "--XyZ" + eol
					+ "content-disposition: form-data; name=\"file\"; filename=\"a \\\"b\\\".jsonl\"" + eol
					+ "Content-Type: application/jsonl" + eol + eol + "{\"x\":1}" + eol + "{\"x\":2}" + eol + "--XyZ--"
					+ eol;
			List<MultipartForm.Part> parts = MultipartForm.parse(body.getBytes(StandardCharsets.UTF_8), "XyZ");
			assertThat(parts).hasSize(2);
			assertThat(parts.get(0).name()).isEqualTo("purpose");
			assertThat(parts.get(0).text()).isEqualTo("batch");
			assertThat(parts.get(0).filename()).isNull();
			assertThat(parts.get(1).filename()).isEqualTo("a \"b\".jsonl");
			assertThat(parts.get(1).contentType()).isEqualTo("application/jsonl");
			assertThat(parts.get(1).text()).isEqualTo("{\"x\":1}" + eol + "{\"x\":2}");
		}
	}

	@Test
	void sniffsTheBoundaryFromTheFirstLine() {
		assertThat(MultipartForm.sniffBoundary("--abc\r\nContent-Disposition: x".getBytes(StandardCharsets.UTF_8)))
			.contains("abc");
		assertThat(MultipartForm.sniffBoundary("{\"a\":1}".getBytes(StandardCharsets.UTF_8))).isEmpty();
	}

	@Test
	void malformedBodiesAreReadableErrors() {
		assertThatThrownBy(() -> MultipartForm
			.parse("--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nx".getBytes(StandardCharsets.UTF_8), "b"))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("not terminated");
		assertThatThrownBy(() -> MultipartForm
			.parse("--b\r\nContent-Type: text/plain\r\n\r\nx\r\n--b--".getBytes(StandardCharsets.UTF_8), "b"))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("no Content-Disposition");
	}

}
