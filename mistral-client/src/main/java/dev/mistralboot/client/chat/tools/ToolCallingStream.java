package dev.mistralboot.client.chat.tools;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import dev.mistralboot.client.chat.ChatCompletionAccumulator;
import dev.mistralboot.client.chat.ChatCompletionChunk;
import dev.mistralboot.client.chat.ChatCompletionRequest;
import dev.mistralboot.client.chat.MistralChatClient;
import dev.mistralboot.client.core.MistralStream;
import org.jspecify.annotations.Nullable;

/**
 * A streamed tool conversation: the text of the model's answers as it is generated, with
 * the tool rounds run in between (each round's answer is streamed, its tool calls
 * gathered; when it ends with calls they are run and the next answer is streamed). Use it
 * once, in try-with-resources:
 *
 * <pre>{@code
 * try (ToolCallingStream answer = chat.withTools(tools).stream(request)) {
 *     answer.forEach(System.out::print);
 *     ToolConversation conversation = answer.result();
 * }
 * }</pre>
 *
 * Pieces are never empty. Closing releases the open connection. Failures are raised while
 * reading, as with {@link ToolCallingChat#complete(ChatCompletionRequest)}. Not
 * thread-safe.
 */
public final class ToolCallingStream implements Iterable<String>, AutoCloseable {

	private final MistralChatClient chat;

	private final ToolRounds rounds;

	private MistralStream<ChatCompletionChunk> current;

	private Iterator<ChatCompletionChunk> chunks;

	private ChatCompletionAccumulator accumulator = new ChatCompletionAccumulator();

	private @Nullable String next;

	private boolean finished;

	private boolean closed;

	private boolean iterated;

	ToolCallingStream(MistralChatClient chat, ToolRounds rounds) {
		this.chat = chat;
		this.rounds = rounds;
		this.current = chat.stream(rounds.nextRequest());
		this.chunks = this.current.iterator();
	}

	/**
	 * The text pieces, as an iterator. A stream can be iterated once.
	 * @return the iterator
	 */
	@Override
	public Iterator<String> iterator() {
		if (this.iterated) {
			throw new IllegalStateException("A ToolCallingStream can be iterated only once");
		}
		this.iterated = true;
		return new Iterator<>() {

			@Override
			public boolean hasNext() {
				return advance();
			}

			@Override
			public String next() {
				if (!advance()) {
					throw new NoSuchElementException();
				}
				String piece = ToolCallingStream.this.next;
				ToolCallingStream.this.next = null;
				return piece;
			}

		};
	}

	/**
	 * The text pieces as a Java {@link Stream}; closing it closes this stream.
	 * @return the stream
	 */
	public Stream<String> stream() {
		return StreamSupport
			.stream(Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED | Spliterator.NONNULL), false)
			.onClose(this::close);
	}

	/**
	 * The whole conversation, once the stream has been read to its end. Streamed answers
	 * are folded with {@link ChatCompletionAccumulator}.
	 * @return the conversation
	 * @throws IllegalStateException when the stream has not been read to its end
	 */
	public ToolConversation result() {
		ToolConversation result = this.rounds.result();
		if (!this.finished || result == null) {
			throw new IllegalStateException(
					"The conversation is not over: read the ToolCallingStream to its end first");
		}
		return result;
	}

	/**
	 * Releases the open connection; reading stops.
	 */
	@Override
	public void close() {
		if (!this.closed) {
			this.closed = true;
			this.current.close();
		}
	}

	private boolean advance() {
		while (this.next == null) {
			if (this.finished || this.closed) {
				return false;
			}
			if (this.chunks.hasNext()) {
				String text = this.accumulator.add(this.chunks.next()).text();
				if (!text.isEmpty()) {
					this.next = text;
				}
				continue;
			}
			this.current.close();
			boolean done;
			try {
				done = this.rounds.answered(this.accumulator.toResponse());
			}
			catch (RuntimeException ex) {
				this.finished = true;
				throw ex;
			}
			if (done) {
				this.finished = true;
				return false;
			}
			this.accumulator = new ChatCompletionAccumulator();
			this.current = this.chat.stream(this.rounds.nextRequest());
			this.chunks = this.current.iterator();
		}
		return true;
	}

}
