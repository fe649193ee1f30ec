package dev.mistralboot.generator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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
		String current = orderImports(source);
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

	/**
	 * Orders the imports as Spring's checkstyle rules want them: {@code java.*},
	 * {@code javax.*}, the others, {@code org.springframework.*}, then static imports,
	 * each group sorted and separated by a blank line.
	 */
	static String orderImports(String source) {
		List<String> lines = new ArrayList<>(List.of(source.split("\n", -1)));
		int first = -1;
		int last = -1;
		for (int i = 0; i < lines.size(); i++) {
			if (lines.get(i).startsWith("import ")) {
				first = (first < 0) ? i : first;
				last = i;
			}
		}
		if (first < 0) {
			return source;
		}
		Map<Integer, List<String>> groups = new TreeMap<>();
		for (String line : lines.subList(first, last + 1)) {
			if (line.startsWith("import ")) {
				groups.computeIfAbsent(group(line), (key) -> new ArrayList<>()).add(line);
			}
		}
		List<String> ordered = new ArrayList<>();
		for (List<String> group : groups.values()) {
			Collections.sort(group);
			if (!ordered.isEmpty()) {
				ordered.add("");
			}
			ordered.addAll(group);
		}
		List<String> result = new ArrayList<>(lines.subList(0, first));
		result.addAll(ordered);
		result.addAll(lines.subList(last + 1, lines.size()));
		return String.join("\n", result);
	}

	private static int group(String importLine) {
		if (importLine.startsWith("import static ")) {
			return 4;
		}
		if (importLine.startsWith("import java.")) {
			return 0;
		}
		if (importLine.startsWith("import javax.")) {
			return 1;
		}
		return importLine.startsWith("import org.springframework.") ? 3 : 2;
	}

}
