/**
 * What every endpoint family shares: the HTTP core
 * ({@link dev.mistralboot.client.core.MistralHttp} and
 * {@link dev.mistralboot.client.core.ReactiveMistralHttp}), authentication, the exception
 * hierarchy, retries, server-sent events and response metadata. No endpoint family
 * performs HTTP calls of its own: each builds an
 * {@link dev.mistralboot.client.core.ApiRequest} and hands it here.
 */
@NullMarked
package dev.mistralboot.client.core;

import org.jspecify.annotations.NullMarked;
