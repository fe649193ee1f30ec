package dev.mistralboot.client.ocr;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * The hand-written part of {@link OcrResponse}, which the generated record implements.
 */
public interface OcrResponseSupport {

	/**
	 * The pages read, in order.
	 * @return the pages
	 */
	List<OcrPage> pages();

	/**
	 * The markdown of every page, joined by blank lines.
	 * @return the document's text
	 */
	@JsonIgnore
	default String markdown() {
		return pages().stream().map(OcrPage::markdown).filter(Objects::nonNull).collect(Collectors.joining("\n\n"));
	}

}
