/**
 * Chat over HTTP: whole answers and answers streamed to the page.
 */
package dev.mistralboot.sample.chat;
