package dev.mistralboot.client.ocr;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.jspecify.annotations.Nullable;

/**
 * The hand-written part of {@link OcrBlock}, which the generated record implements.
 */
public interface OcrBlockSupport {

	/**
	 * The block type as sent, such as {@code text} or {@code table}.
	 * @return the type, or {@code null}
	 */
	@Nullable String rawType();

	/**
	 * The block type.
	 * @return the type, {@link OcrBlockType#UNKNOWN} for types this library does not know
	 */
	@JsonIgnore
	default OcrBlockType type() {
		return OcrBlockType.of(rawType());
	}

}
