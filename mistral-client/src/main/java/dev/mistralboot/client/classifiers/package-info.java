/**
 * Moderation and classification ({@code /v1/moderations}, {@code /v1/chat/moderations},
 * {@code /v1/classifications}, {@code /v1/chat/classifications}):
 * {@link dev.mistralboot.client.classifiers.MistralClassifiersClient} and its request and
 * answer types.
 */
@NullMarked
package dev.mistralboot.client.classifiers;

import org.jspecify.annotations.NullMarked;
