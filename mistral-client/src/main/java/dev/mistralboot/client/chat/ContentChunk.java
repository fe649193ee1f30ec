package dev.mistralboot.client.chat;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * One chunk of message content, told apart by {@code type}. A chunk type this library
 * does not know yet is read as {@link UnknownChunk} rather than failing.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.EXISTING_PROPERTY, property = "type",
		visible = true, defaultImpl = UnknownChunk.class)
@JsonSubTypes({ @JsonSubTypes.Type(value = TextChunk.class, name = "text"),
		@JsonSubTypes.Type(value = ImageUrlChunk.class, name = "image_url"),
		@JsonSubTypes.Type(value = DocumentUrlChunk.class, name = "document_url"),
		@JsonSubTypes.Type(value = ReferenceChunk.class, name = "reference"),
		@JsonSubTypes.Type(value = FileChunk.class, name = "file"),
		@JsonSubTypes.Type(value = ThinkChunk.class, name = "thinking"),
		@JsonSubTypes.Type(value = AudioChunk.class, name = "input_audio"),
		@JsonSubTypes.Type(value = ToolReferenceChunk.class, name = "tool_reference") })
public sealed interface ContentChunk permits TextChunk, ImageUrlChunk, DocumentUrlChunk, ReferenceChunk, FileChunk,
		ThinkChunk, AudioChunk, ToolReferenceChunk, UnknownChunk {

	/**
	 * A text chunk.
	 * @param text the text
	 * @return the chunk
	 */
	static TextChunk text(String text) {
		return new TextChunk(text);
	}

	/**
	 * An image chunk from a URL or a {@code data:} URI.
	 * @param url the URL
	 * @return the chunk
	 */
	static ImageUrlChunk imageUrl(String url) {
		return new ImageUrlChunk(new ImageUrl(url, null));
	}

	/**
	 * A document chunk from a URL.
	 * @param url the document URL
	 * @return the chunk
	 */
	static DocumentUrlChunk documentUrl(String url) {
		return new DocumentUrlChunk(url, null);
	}

	/**
	 * A chunk referring to an uploaded file.
	 * @param fileId the file id
	 * @return the chunk
	 */
	static FileChunk file(String fileId) {
		return new FileChunk(fileId);
	}

}
