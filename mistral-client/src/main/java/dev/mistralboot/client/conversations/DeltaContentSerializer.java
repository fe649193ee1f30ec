package dev.mistralboot.client.conversations;

import java.util.List;

import dev.mistralboot.client.chat.Content;
import dev.mistralboot.client.chat.ContentChunk;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;

/**
 * Writes {@link MessageOutputEvent#content()} as the API sends it: a string, or one chunk
 * (an object, not a list). Named under {@code jsonSerializers} in
 * {@code model-types.yaml}.
 */
public final class DeltaContentSerializer extends ValueSerializer<Content> {

	@Override
	public void serialize(Content value, JsonGenerator generator, SerializationContext context) {
		List<ContentChunk> chunks = value.chunks();
		if (value.isString() || chunks.size() != 1) {
			context.writeValue(generator, value.toJson());
		}
		else {
			context.writeValue(generator, chunks.get(0));
		}
	}

}
