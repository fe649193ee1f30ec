package dev.mistralboot.client.embeddings;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * One embedding vector, held in a primitive array (never a list of boxed numbers).
 * <p>
 * How values arrive and how they are read:
 * <ul>
 * <li>JSON numbers ({@code encoding_format: float}, and what the live API still sends for
 * {@code base64}): each number is read as a {@code double} and narrowed into a
 * {@code float[]}. Every value Mistral sends (float32 values, and 8-bit integers) is
 * exact in a {@code float}.</li>
 * <li>a base64 string ({@code encoding_format: base64}): its bytes depend on the
 * {@link EmbeddingDtype}: for {@code float}, four bytes per value, IEEE 754 float32,
 * little-endian; for {@code int8}, {@code uint8}, {@code binary} and {@code ubinary}, one
 * byte per value (signed or unsigned as the type says; the binary types pack eight
 * dimensions per byte, as their JSON numbers do). The answer does not name its dtype, so
 * the embeddings clients apply the requested one ({@link #withDtype}); a base64 vector
 * whose dtype is not known cannot be read.</li>
 * </ul>
 * Read float vectors with {@link #floats()} and integer vectors with {@link #bytes()} or
 * {@link #ints()}. The arrays returned are the embedding's own where no conversion is
 * needed (vectors are large; copying each would double the memory of an answer): do not
 * modify them.
 */
@JsonDeserialize(using = EmbeddingDeserializer.class)
@JsonSerialize(using = EmbeddingSerializer.class)
public final class Embedding {

	private final float @Nullable [] floats;

	private final byte @Nullable [] bytes;

	private final @Nullable EmbeddingDtype dtype;

	private Embedding(float @Nullable [] floats, byte @Nullable [] bytes, @Nullable EmbeddingDtype dtype) {
		this.floats = floats;
		this.bytes = bytes;
		this.dtype = dtype;
	}

	/**
	 * A float embedding.
	 * @param values the values (copied)
	 * @return the embedding
	 */
	public static Embedding of(float... values) {
		return new Embedding(values.clone(), null, EmbeddingDtype.FLOAT);
	}

	/**
	 * An 8-bit integer embedding.
	 * @param dtype the integer type ({@code int8}, {@code uint8}, {@code binary} or
	 * {@code ubinary})
	 * @param values one byte per value, unsigned types stored as their low 8 bits
	 * (copied)
	 * @return the embedding
	 * @throws IllegalArgumentException when {@code dtype} is not an integer type
	 */
	public static Embedding ofBytes(EmbeddingDtype dtype, byte... values) {
		if (!dtype.isInteger()) {
			throw new IllegalArgumentException("ofBytes needs an integer dtype (int8, uint8, binary, ubinary), was "
					+ dtype.value() + ": use Embedding.of(float...) for float vectors");
		}
		return new Embedding(null, values.clone(), dtype);
	}

	/** Values read from JSON numbers; the array is kept, not copied. */
	static Embedding ofParsed(float[] values) {
		return new Embedding(values, null, null);
	}

	/**
	 * Bytes read from a base64 string, not yet interpreted; the array is kept, not
	 * copied.
	 */
	static Embedding ofBase64(byte[] bytes) {
		return new Embedding(null, bytes, null);
	}

	/**
	 * This embedding read as the given type: base64 bytes are decoded ({@code float}:
	 * float32 little-endian), JSON numbers are kept as they are. The embeddings clients
	 * call this with the requested {@code output_dtype}.
	 * @param dtype the type the vector was requested with
	 * @return the embedding with its type known (this instance when nothing changes, or
	 * when {@code dtype} is {@link EmbeddingDtype#UNKNOWN}: base64 bytes then stay
	 * unreadable)
	 * @throws IllegalStateException when a base64 float vector's length is not a multiple
	 * of 4
	 */
	public Embedding withDtype(EmbeddingDtype dtype) {
		Objects.requireNonNull(dtype, "dtype");
		if (dtype == this.dtype) {
			return this;
		}
		if (this.floats != null) {
			return new Embedding(this.floats, null, dtype);
		}
		byte[] raw = Objects.requireNonNull(this.bytes);
		if (!dtype.isKnown()) {
			return this;
		}
		if (dtype.isInteger()) {
			return new Embedding(null, raw, dtype);
		}
		if (raw.length % Float.BYTES != 0) {
			throw new IllegalStateException("A base64 float embedding must hold 4 bytes per value, but has "
					+ raw.length + " bytes: was the vector requested with another output_dtype?");
		}
		float[] values = new float[raw.length / Float.BYTES];
		ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
		return new Embedding(values, null, dtype);
	}

	/**
	 * The value type, when known: always after an embeddings client read the vector;
	 * {@code null} for a vector parsed on its own.
	 * @return the type, or {@code null}
	 */
	public @Nullable EmbeddingDtype dtype() {
		return this.dtype;
	}

	/**
	 * The number of values (for the binary types, bytes of eight packed dimensions each).
	 * @return the size
	 * @throws IllegalStateException for base64 bytes whose type is not known
	 */
	public int size() {
		if (this.floats != null) {
			return this.floats.length;
		}
		return requireInterpretable().length;
	}

	/**
	 * The values as floats: the vector itself for float embeddings; integer embeddings
	 * widened (signed or unsigned as their type says).
	 * @return the values; for float embeddings the embedding's own array, not a copy
	 * @throws IllegalStateException for base64 bytes whose type is not known
	 */
	public float[] floats() {
		if (this.floats != null) {
			return this.floats;
		}
		byte[] raw = requireInterpretable();
		boolean unsigned = Objects.requireNonNull(this.dtype).isUnsigned();
		float[] values = new float[raw.length];
		for (int i = 0; i < raw.length; i++) {
			values[i] = unsigned ? (raw[i] & 0xFF) : raw[i];
		}
		return values;
	}

	/**
	 * The values of an integer embedding as bytes, one per value; unsigned types
	 * ({@code uint8}, {@code ubinary}) hold their low 8 bits (read them with
	 * {@code b & 0xFF}, or use {@link #ints()}).
	 * @return the bytes; for a base64 answer the embedding's own array, not a copy
	 * @throws IllegalStateException for a float embedding, or base64 bytes whose type is
	 * not known
	 */
	public byte[] bytes() {
		requireInteger("bytes()");
		if (this.bytes != null) {
			return this.bytes;
		}
		float[] values = Objects.requireNonNull(this.floats);
		byte[] result = new byte[values.length];
		for (int i = 0; i < values.length; i++) {
			result[i] = (byte) (int) values[i];
		}
		return result;
	}

	/**
	 * The values of an integer embedding as ints: -128 to 127 for {@code int8} and
	 * {@code binary}, 0 to 255 for {@code uint8} and {@code ubinary}.
	 * @return a new array
	 * @throws IllegalStateException for a float embedding, or base64 bytes whose type is
	 * not known
	 */
	public int[] ints() {
		requireInteger("ints()");
		int[] result;
		if (this.bytes != null) {
			boolean unsigned = Objects.requireNonNull(this.dtype).isUnsigned();
			result = new int[this.bytes.length];
			for (int i = 0; i < this.bytes.length; i++) {
				result[i] = unsigned ? (this.bytes[i] & 0xFF) : this.bytes[i];
			}
		}
		else {
			float[] values = Objects.requireNonNull(this.floats);
			result = new int[values.length];
			for (int i = 0; i < values.length; i++) {
				result[i] = (int) values[i];
			}
		}
		return result;
	}

	/** Whether the vector is base64 bytes whose type is not known yet. */
	boolean isUndecoded() {
		return this.floats == null && this.dtype == null;
	}

	/** The raw base64 bytes of an undecoded vector, for serialisation. */
	byte @Nullable [] rawBytes() {
		return this.bytes;
	}

	/** The float values when held as floats, for serialisation. */
	float @Nullable [] rawFloats() {
		return this.floats;
	}

	private byte[] requireInterpretable() {
		if (this.dtype == null) {
			throw new IllegalStateException("This embedding arrived as base64 and its output_dtype is not known: "
					+ "read it through MistralEmbeddingsClient, or call withDtype(...) with the requested dtype");
		}
		return Objects.requireNonNull(this.bytes);
	}

	private void requireInteger(String method) {
		if (this.floats == null) {
			requireInterpretable();
		}
		if (this.dtype == EmbeddingDtype.FLOAT) {
			throw new IllegalStateException(method + " reads integer embeddings (output_dtype int8, uint8, binary, "
					+ "ubinary); this one is float: use floats()");
		}
	}

	@Override
	public boolean equals(@Nullable Object other) {
		if (this == other) {
			return true;
		}
		if (!(other instanceof Embedding that)) {
			return false;
		}
		return this.dtype == that.dtype && Arrays.equals(this.floats, that.floats)
				&& Arrays.equals(this.bytes, that.bytes);
	}

	@Override
	public int hashCode() {
		return 31 * (31 * Objects.hashCode(this.dtype) + Arrays.hashCode(this.floats)) + Arrays.hashCode(this.bytes);
	}

	@Override
	public String toString() {
		StringBuilder text = new StringBuilder("Embedding[dtype=")
			.append((this.dtype != null) ? this.dtype.value() : "?");
		if (this.floats != null) {
			text.append(", size=").append(this.floats.length).append(", values=[");
			for (int i = 0; i < Math.min(4, this.floats.length); i++) {
				text.append((i > 0) ? ", " : "").append(this.floats[i]);
			}
			text.append((this.floats.length > 4) ? ", ...]" : "]");
		}
		else {
			text.append(", bytes=").append(Objects.requireNonNull(this.bytes).length);
		}
		return text.append(']').toString();
	}

}
