package dev.mistralboot.client.embeddings;

import java.util.Objects;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;

/**
 * Writes an embedding the way the API sends it: an array of numbers (integers for the
 * integer types), or, for base64 bytes whose type is not known, the base64 string.
 */
final class EmbeddingSerializer extends ValueSerializer<Embedding> {

	@Override
	public void serialize(Embedding value, JsonGenerator generator, SerializationContext context) {
		if (value.isUndecoded()) {
			generator.writeBinary(Objects.requireNonNull(value.rawBytes()));
			return;
		}
		float[] floats = value.rawFloats();
		if (floats != null) {
			generator.writeStartArray(value, floats.length);
			for (float number : floats) {
				generator.writeNumber(number);
			}
			generator.writeEndArray();
			return;
		}
		int[] ints = value.ints();
		generator.writeArray(ints, 0, ints.length);
	}

}
