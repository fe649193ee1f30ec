/**
 * Agents and conversations: the payments agent ensured at start-up and the streamed
 * conversation the page holds with it.
 */
package dev.mistralboot.sample.agents;
