package dev.mistralboot.client.conversations;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import dev.mistralboot.client.core.MistralStream;
import org.jspecify.annotations.Nullable;

/**
 * A streamed conversation turn run with tools: every event of every answer, in order,
 * with the tool rounds run in between (each answer is streamed and folded with a
 * {@link ConversationAccumulator}, so function calls whose arguments arrive in pieces are
 * whole before they run; when it ends with calls, their results are appended with a
 * streamed append whose events follow). Each answer ends with its own
 * {@link ResponseDoneEvent}. Use it once, in try-with-resources:
 *
 * <pre>{@code
 * try (ToolCallingConversationStream events = conversations.withTools(tools).startStream(request)) {
 *     for (ConversationEvent event : events) {
 *         if (event instanceof MessageOutputEvent piece) {
 *             System.out.print(piece.content().text());
 *         }
 *         else if (event instanceof FunctionCallEvent call && call.name() != null) {
 *             System.out.println("[calling " + call.name() + "]");
 *         }
 *     }
 *     ToolCallingTurn turn = events.result();
 * }
 * }</pre>
 *
 * Closing releases the open connection. Failures are raised while reading, as with
 * {@link ToolCallingConversations#start(ConversationRequest)}; an answer that fails
 * ({@link ResponseErrorEvent}) or is cut before its final event raises
 * {@link dev.mistralboot.client.core.MistralStreamException} after its events. Not
 * thread-safe.
 */
public final class ToolCallingConversationStream implements Iterable<ConversationEvent>, AutoCloseable {

	private final MistralConversationsClient conversations;

	private final ConversationToolRounds rounds;

	private MistralStream<ConversationEvent> current;

	private Iterator<ConversationEvent> events;

	private ConversationAccumulator accumulator = new ConversationAccumulator();

	private @Nullable ConversationEvent next;

	private boolean finished;

	private boolean closed;

	private boolean iterated;

	ToolCallingConversationStream(MistralConversationsClient conversations, ConversationToolRounds rounds,
			MistralStream<ConversationEvent> first) {
		this.conversations = conversations;
		this.rounds = rounds;
		this.current = first;
		this.events = first.iterator();
	}

	/**
	 * The events, as an iterator. A stream can be iterated once.
	 * @return the iterator
	 */
	@Override
	public Iterator<ConversationEvent> iterator() {
		if (this.iterated) {
			throw new IllegalStateException("A ToolCallingConversationStream can be iterated only once");
		}
		this.iterated = true;
		return new Iterator<>() {

			@Override
			public boolean hasNext() {
				return advance();
			}

			@Override
			public ConversationEvent next() {
				if (!advance()) {
					throw new NoSuchElementException();
				}
				ConversationEvent event = ToolCallingConversationStream.this.next;
				ToolCallingConversationStream.this.next = null;
				return event;
			}

		};
	}

	/**
	 * The events as a Java {@link Stream}; closing it closes this stream.
	 * @return the stream
	 */
	public Stream<ConversationEvent> stream() {
		return StreamSupport
			.stream(Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED | Spliterator.NONNULL), false)
			.onClose(this::close);
	}

	/**
	 * The whole turn, once the stream has been read to its end.
	 * @return the turn: the final answer and every entry of the way
	 * @throws IllegalStateException when the stream has not been read to its end
	 */
	public ToolCallingTurn result() {
		ToolCallingTurn result = this.rounds.result();
		if (!this.finished || result == null) {
			throw new IllegalStateException(
					"The turn is not over: read the ToolCallingConversationStream to its end first");
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
			if (this.events.hasNext()) {
				ConversationEvent event = this.events.next();
				this.accumulator.add(event);
				this.next = event;
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
			this.accumulator = new ConversationAccumulator();
			this.current = this.conversations.appendStream(this.rounds.conversationId(), this.rounds.nextAppend());
			this.events = this.current.iterator();
		}
		return true;
	}

}
