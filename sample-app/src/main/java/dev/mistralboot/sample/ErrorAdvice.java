package dev.mistralboot.sample;

import java.util.Map;

import dev.mistralboot.client.core.MistralApiException;
import dev.mistralboot.client.core.MistralException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Turns Mistral failures and bad input into JSON the page shows: the API's status and
 * message (never the key).
 */
@RestControllerAdvice
class ErrorAdvice {

	@ExceptionHandler(MistralApiException.class)
	ResponseEntity<Map<String, Object>> apiError(MistralApiException ex) {
		return ResponseEntity.status(HttpStatus.BAD_GATEWAY)
			.body(Map.of("error", ex.getMessage(), "mistralStatus", ex.getStatusCode()));
	}

	@ExceptionHandler(MistralException.class)
	ResponseEntity<Map<String, Object>> otherMistralError(MistralException ex) {
		return ResponseEntity.status(HttpStatus.BAD_GATEWAY).body(Map.of("error", ex.getMessage()));
	}

	@ExceptionHandler(IllegalArgumentException.class)
	ResponseEntity<Map<String, Object>> badInput(IllegalArgumentException ex) {
		return ResponseEntity.badRequest().body(Map.of("error", ex.getMessage()));
	}

}
