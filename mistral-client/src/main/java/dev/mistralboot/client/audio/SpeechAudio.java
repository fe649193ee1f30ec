package dev.mistralboot.client.audio;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketTimeoutException;

import dev.mistralboot.client.core.ApiRequest;
import dev.mistralboot.client.core.MistralDownload;
import dev.mistralboot.client.core.MistralInvalidResponseException;
import dev.mistralboot.client.core.MistralIoException;
import dev.mistralboot.client.core.MistralTimeoutException;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.core.json.JsonFactory;

import org.springframework.http.MediaType;

/**
 * Writes the audio of a speech answer as it is read: the JSON answer's base64
 * {@code audio_data} is decoded by Jackson's streaming parser straight into the target,
 * never held whole. An answer that is not JSON (raw audio) is copied as it is.
 */
final class SpeechAudio {

	private static final JsonFactory JSON = new JsonFactory();

	private SpeechAudio() {
	}

	static long write(MistralDownload download, ApiRequest request, OutputStream target) {
		if (isRawAudio(download.metadata().headers().getContentType())) {
			return download.transferTo(target);
		}
		Counting out = new Counting(target);
		try {
			decode(download.body(), out, request);
			return out.count;
		}
		catch (JacksonIOException ex) {
			IOException cause = ex.getCause();
			if (out.failure != null) {
				throw new MistralIoException("Could not write the speech audio: " + out.failure.getMessage(),
						out.failure, false);
			}
			if (cause instanceof SocketTimeoutException timeout) {
				throw new MistralTimeoutException(timeout.getMessage(), download.idleTimeout(), timeout, false);
			}
			throw new MistralIoException(
					"I/O error while reading the speech audio of " + request + ": " + cause.getMessage(), cause, false);
		}
		catch (JacksonException ex) {
			throw invalid(request, ex.getOriginalMessage(), ex);
		}
	}

	/**
	 * Whether an answer of this content type is the audio itself rather than JSON holding
	 * it (an answer without a content type is read as JSON).
	 * @param type the answer's content type, or {@code null}
	 * @return {@code true} for raw audio, to be copied as it is
	 */
	static boolean isRawAudio(@Nullable MediaType type) {
		return type != null && !type.isCompatibleWith(MediaType.APPLICATION_JSON)
				&& !MediaType.APPLICATION_JSON.getSubtype().equals(type.getSubtypeSuffix());
	}

	/**
	 * Decodes the audio of a JSON speech answer into {@code out}.
	 * @throws JacksonIOException when reading {@code in} or writing {@code out} fails
	 * @throws JacksonException when the answer is not JSON
	 * @throws MistralInvalidResponseException when it holds no audio
	 */
	static void decode(InputStream in, OutputStream out, ApiRequest request) {
		try (JsonParser parser = JSON.createParser(ObjectReadContext.empty(), in)) {
			if (parser.nextToken() != JsonToken.START_OBJECT) {
				throw invalid(request, "it is not a JSON object", null);
			}
			boolean found = false;
			while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
				String name = parser.currentName();
				JsonToken value = parser.nextToken();
				if ("audio_data".equals(name) && value == JsonToken.VALUE_STRING && !found) {
					parser.readBinaryValue(out);
					found = true;
				}
				else {
					parser.skipChildren();
				}
			}
			if (!found) {
				throw invalid(request, "it holds no audio_data", null);
			}
		}
	}

	static MistralInvalidResponseException invalid(ApiRequest request, String why, @Nullable Throwable cause) {
		return new MistralInvalidResponseException(
				"The answer to " + request + " could not be read as speech audio: " + why, "", cause);
	}

	/** Counts the bytes written and keeps the target's own failure apart. */
	private static final class Counting extends FilterOutputStream {

		private long count;

		private @Nullable IOException failure;

		Counting(OutputStream out) {
			super(out);
		}

		@Override
		public void write(int b) throws IOException {
			try {
				this.out.write(b);
			}
			catch (IOException ex) {
				this.failure = ex;
				throw ex;
			}
			this.count++;
		}

		@Override
		public void write(byte[] b, int off, int len) throws IOException {
			try {
				this.out.write(b, off, len);
			}
			catch (IOException ex) {
				this.failure = ex;
				throw ex;
			}
			this.count += len;
		}

	}

}
