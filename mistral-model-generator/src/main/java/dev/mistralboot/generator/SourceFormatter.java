package dev.mistralboot.generator;

import io.spring.javaformat.formatter.Formatter;
import org.eclipse.jface.text.Document;
import org.eclipse.jface.text.IDocument;
import org.eclipse.text.edits.TextEdit;

/**
 * Formats generated sources with Spring's formatter (the library behind the build's
 * {@code spring-javaformat} plugin), applied until the text no longer changes, so that
 * the committed files pass the build's validation and regeneration is byte-stable.
 */
final class SourceFormatter {

	private static final int MAX_PASSES = 5;

	private SourceFormatter() {
	}

	static String format(String source) {
		Formatter formatter = new Formatter();
		String current = source;
		for (int pass = 0; pass < MAX_PASSES; pass++) {
			TextEdit edit = formatter.format(current, "\n");
			if (edit == null) {
				throw new IllegalStateException("Spring's formatter cannot parse the generated source:\n" + current);
			}
			IDocument document = new Document(current);
			try {
				edit.apply(document);
			}
			catch (Exception ex) {
				throw new IllegalStateException("Spring's formatter failed on a generated source", ex);
			}
			String next = document.get();
			if (next.equals(current)) {
				return next;
			}
			current = next;
		}
		throw new IllegalStateException("Spring's formatter does not settle on a generated source:\n" + current);
	}

}
