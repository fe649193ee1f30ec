package dev.mistralboot.client.ocr;

import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonValue;
import org.jspecify.annotations.Nullable;

/**
 * The pages an OCR request reads ({@code pages}): page numbers from 0, or the API's text
 * form (such as {@code "0-3,7"}). Exactly one of the two is set.
 *
 * @param numbers the page numbers, or {@code null}
 * @param text the text form, or {@code null}
 */
public record OcrPages(@Nullable List<Integer> numbers, @Nullable String text) {

	/**
	 * Validates the pages.
	 */
	public OcrPages {
		if ((numbers == null) == (text == null)) {
			throw new IllegalArgumentException("Give the OCR pages either as numbers or as text, not both nor neither");
		}
		if (numbers != null) {
			if (numbers.isEmpty()) {
				throw new IllegalArgumentException("OCR pages must name at least one page (leave pages out for all)");
			}
			for (Integer number : numbers) {
				if (number == null || number < 0) {
					throw new IllegalArgumentException(
							"OCR page numbers start at 0 and must not be null, got " + numbers);
				}
			}
			numbers = List.copyOf(numbers);
		}
		if (text != null && text.isBlank()) {
			throw new IllegalArgumentException("OCR pages text must not be blank, such as \"0-3,7\"");
		}
	}

	/**
	 * Pages by number.
	 * @param numbers page numbers, from 0
	 * @return the pages
	 */
	public static OcrPages of(List<Integer> numbers) {
		return new OcrPages(numbers, null);
	}

	/**
	 * Pages in the API's text form.
	 * @param text such as {@code "0-3,7"}
	 * @return the pages
	 */
	public static OcrPages of(String text) {
		return new OcrPages(null, text);
	}

	/**
	 * The value as sent: the numbers as an array, or the text.
	 * @return the wire value
	 */
	@JsonValue
	public Object value() {
		return (this.numbers != null) ? this.numbers : Objects.requireNonNull(this.text);
	}

}
