package dev.mistralboot.client.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpEntity;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * A {@code multipart/form-data} request body: text fields and streamed file parts
 * ({@link UploadContent}), in the order they were added. The same form is built for the
 * blocking and the reactive clients and turned into what their HTTP core sends:
 *
 * <pre>{@code
 * UploadForm form = new UploadForm().field("purpose", "batch").file("file", content);
 * ApiRequest.post("/v1/files").operation("files.upload").multipart(form.blocking(), form.repeatable());
 * }</pre>
 *
 * Not thread-safe; build one per request.
 */
public final class UploadForm {

	private final List<Entry> entries = new ArrayList<>();

	/**
	 * Adds a text field unless the value is {@code null}; collections add one field per
	 * element (how a list is sent in a form).
	 * @param name the field name
	 * @param value the value ({@code String.valueOf} of it is sent)
	 * @return this form
	 */
	public UploadForm field(String name, @Nullable Object value) {
		Objects.requireNonNull(name, "name");
		if (value instanceof Iterable<?> values) {
			for (Object element : values) {
				this.entries.add(new Entry(name, String.valueOf(element), null));
			}
		}
		else if (value != null) {
			this.entries.add(new Entry(name, String.valueOf(value), null));
		}
		return this;
	}

	/**
	 * Adds a file part.
	 * @param name the field name, such as {@code file}
	 * @param content the content
	 * @return this form
	 * @throws IllegalArgumentException when the content has no file name
	 */
	public UploadForm file(String name, UploadContent content) {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(content, "content");
		if (!content.hasFilename()) {
			throw new IllegalArgumentException("The uploaded content " + content + " has no file name: set one");
		}
		this.entries.add(new Entry(name, null, content));
		return this;
	}

	/**
	 * Whether every part can be sent again, which a retry needs.
	 * @return {@code false} when a file part comes from an input stream or buffers
	 */
	public boolean repeatable() {
		for (Entry entry : this.entries) {
			if (entry.content() != null && !entry.content().repeatable()) {
				return false;
			}
		}
		return true;
	}

	/**
	 * The parts as a blocking client ({@link MistralHttp}) sends them.
	 * @return the parts
	 * @throws IllegalStateException when a file part arrives as buffers (reactive only)
	 */
	public MultiValueMap<String, Object> blocking() {
		MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
		for (Entry entry : this.entries) {
			UploadContent content = entry.content();
			parts.add(entry.name(), (content != null) ? content.blockingPart(entry.name()) : entry.text());
		}
		return parts;
	}

	/**
	 * The parts as a reactive client ({@link ReactiveMistralHttp}) sends them.
	 * @return the parts
	 */
	public MultiValueMap<String, HttpEntity<?>> reactive() {
		MultipartBodyBuilder form = new MultipartBodyBuilder();
		for (Entry entry : this.entries) {
			UploadContent content = entry.content();
			if (content != null) {
				UploadBuffers.addTo(form, entry.name(), content);
			}
			else {
				form.part(entry.name(), Objects.requireNonNull(entry.text()));
			}
		}
		return form.build();
	}

	@Override
	public String toString() {
		List<String> names = new ArrayList<>();
		for (Entry entry : this.entries) {
			names.add(entry.name());
		}
		return "UploadForm" + names;
	}

	private record Entry(String name, @Nullable String text, @Nullable UploadContent content) {

	}

}
