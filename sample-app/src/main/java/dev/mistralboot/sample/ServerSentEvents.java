package dev.mistralboot.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.Executor;

import dev.mistralboot.client.core.MistralException;
import org.apache.commons.logging.Log;

import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The server-sent events of the page's streamed sections (chat, agent conversation,
 * library, transcription, fine-tuning watch): the section writes its events on the
 * sample's executor, and every section ends the same way, with the events it wrote then
 * the end of the response, or a {@code failure} event ({@code {"message": "..."}}) when a
 * Mistral call failed, or nothing more when the browser went away.
 */
public final class ServerSentEvents {

	private ServerSentEvents() {
	}

	/**
	 * Starts a stream of events written by {@code writer} on {@code executor}. The
	 * emitter has no timeout of its own: the Mistral calls behind it have theirs (the
	 * stream idle timeout, the poll timeouts).
	 * @param executor where the events are written
	 * @param logger where a failure is logged
	 * @param what what the section does, for the log ("Transcribing the chime")
	 * @param writer writes the events; the stream ends when it returns
	 * @return the emitter to return from the controller
	 */
	public static SseEmitter stream(Executor executor, Log logger, String what, Writer writer) {
		SseEmitter emitter = new SseEmitter(0L);
		executor.execute(() -> {
			try {
				writer.write(emitter);
				emitter.complete();
			}
			catch (MistralException ex) {
				logger.warn(what + " failed: " + ex.getMessage());
				failure(emitter, ex.getMessage());
			}
			catch (UncheckedIOException | IllegalStateException ex) {
				// the browser went away: closing the Mistral stream released its
				// connection, and a poll stops
				emitter.completeWithError(ex);
			}
			catch (RuntimeException ex) {
				logger.error(what + " failed", ex);
				failure(emitter, ex.toString());
			}
		});
		return emitter;
	}

	/**
	 * Sends one event.
	 * @param emitter the stream
	 * @param name the event name
	 * @param data its data, written as JSON
	 * @throws UncheckedIOException when the browser went away
	 */
	public static void send(SseEmitter emitter, String name, Object data) {
		try {
			emitter.send(SseEmitter.event().name(name).data(data));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Ends the stream with a {@code failure} event.
	 * @param emitter the stream
	 * @param message what failed
	 */
	public static void failure(SseEmitter emitter, String message) {
		try {
			emitter.send(SseEmitter.event().name("failure").data(Map.of("message", message)));
			emitter.complete();
		}
		catch (IOException | IllegalStateException ex) {
			emitter.completeWithError(ex);
		}
	}

	/**
	 * What a section writes to its stream.
	 */
	@FunctionalInterface
	public interface Writer {

		/**
		 * Writes the events; the stream ends when this returns.
		 * @param emitter the stream
		 */
		void write(SseEmitter emitter);

	}

}
