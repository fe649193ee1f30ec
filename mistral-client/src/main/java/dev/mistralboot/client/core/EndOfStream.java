package dev.mistralboot.client.core;

/**
 * Marks the chunk type of a server-sent event stream that ends its stream, for the APIs
 * whose streams end with a final typed event ({@code transcription.done},
 * {@code speech.audio.done}) rather than {@code data: [DONE]}. The stream delivers that
 * chunk, then ends; whatever follows it is read and ignored. A stream whose body ends
 * before such a chunk (or {@code [DONE]}) was cut and raises
 * {@link MistralStreamException}, as any other stream.
 */
public interface EndOfStream {

}
