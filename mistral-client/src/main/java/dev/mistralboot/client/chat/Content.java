package dev.mistralboot.client.chat;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonValue;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * The content of a message: a plain string, or a list of {@link ContentChunk chunks}
 * (text, images, documents, references, files, thinking, audio), exactly as the API
 * carries it. {@link #text()} reads the answer whatever the form; {@link #thinking()}
 * reads a reasoning model's thoughts.
 */
@JsonDeserialize(using = Content.Deserializer.class)
public final class Content {

	private final @Nullable String string;

	private final @Nullable List<ContentChunk> chunks;

	private Content(@Nullable String string, @Nullable List<ContentChunk> chunks) {
		this.string = string;
		this.chunks = chunks;
	}

	/**
	 * Content as a plain string.
	 * @param text the text
	 * @return the content
	 */
	public static Content of(String text) {
		return new Content(Objects.requireNonNull(text, "text"), null);
	}

	/**
	 * Content as chunks.
	 * @param chunks the chunks
	 * @return the content
	 */
	public static Content of(List<? extends ContentChunk> chunks) {
		return new Content(null, List.copyOf(chunks));
	}

	/**
	 * Content as chunks.
	 * @param chunks the chunks
	 * @return the content
	 */
	public static Content of(ContentChunk... chunks) {
		return of(Arrays.asList(chunks));
	}

	/**
	 * Whether the content was a plain string.
	 * @return {@code true} for string content
	 */
	public boolean isString() {
		return this.string != null;
	}

	/**
	 * The chunks; string content is one {@link TextChunk}.
	 * @return the chunks
	 */
	public List<ContentChunk> chunks() {
		return (this.chunks != null) ? this.chunks : List.of(new TextChunk(this.string));
	}

	/**
	 * The text: the string, or the text chunks joined (thinking, images and other chunks
	 * left out).
	 * @return the text
	 */
	public String text() {
		if (this.string != null) {
			return this.string;
		}
		StringBuilder text = new StringBuilder();
		for (ContentChunk chunk : this.chunks) {
			if (chunk instanceof TextChunk t) {
				text.append(t.text());
			}
		}
		return text.toString();
	}

	/**
	 * The reasoning: the text of the thinking chunks joined.
	 * @return the reasoning, empty when there is none
	 */
	public String thinking() {
		if (this.chunks == null) {
			return "";
		}
		StringBuilder text = new StringBuilder();
		for (ContentChunk chunk : this.chunks) {
			if (chunk instanceof ThinkChunk think) {
				text.append(think.text());
			}
		}
		return text.toString();
	}

	/**
	 * The JSON form: the string or the chunk list.
	 * @return the value written as JSON
	 */
	@JsonValue
	public Object toJson() {
		return (this.string != null) ? this.string : this.chunks;
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return other instanceof Content that && Objects.equals(this.string, that.string)
				&& Objects.equals(this.chunks, that.chunks);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.string, this.chunks);
	}

	@Override
	public String toString() {
		return (this.string != null) ? this.string : String.valueOf(this.chunks);
	}

	/**
	 * Reads a string or a chunk array.
	 */
	static final class Deserializer extends ValueDeserializer<Content> {

		@Override
		public Content deserialize(JsonParser parser, DeserializationContext context) {
			JsonToken token = parser.currentToken();
			if (token == JsonToken.VALUE_STRING) {
				return Content.of(parser.getString());
			}
			if (token == JsonToken.START_ARRAY) {
				JavaType type = context.getTypeFactory().constructCollectionType(List.class, ContentChunk.class);
				List<ContentChunk> chunks = context.readValue(parser, type);
				return Content.of(chunks.stream().filter(Objects::nonNull).toList());
			}
			if (token == JsonToken.START_OBJECT) {
				return Content.of(List.of(context.readValue(parser, ContentChunk.class)));
			}
			return (Content) context.handleUnexpectedToken(Content.class, parser);
		}

	}

}
