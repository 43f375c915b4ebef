package io.qalam.content;

import java.util.Map;

/**
 * A workflow request that was refused and changed nothing. The message is written for the
 * newsroom user; {@code fields} maps form fields to what is wrong with them.
 */
public class WorkflowException extends RuntimeException {

	private final Map<String, String> fields;

	WorkflowException(String message) {
		this(message, Map.of());
	}

	WorkflowException(String message, Map<String, String> fields) {
		super(message);
		this.fields = Map.copyOf(fields);
	}

	public Map<String, String> fields() {
		return this.fields;
	}

	/**
	 * Input the newsroom's forms sent that cannot be used, before the workflow is asked.
	 */
	public static class Invalid extends WorkflowException {

		public Invalid(String message) {
			super(message);
		}

		public Invalid(String message, Map<String, String> fields) {
			super(message, fields);
		}

	}

	/**
	 * Someone else saved the article since this user loaded it. Nothing was saved; the
	 * latest revision is attached so that the user can see what changed and keep their
	 * own text.
	 */
	public static class StaleVersion extends WorkflowException {

		private final Revision latest;

		StaleVersion(Revision latest) {
			super("This article was saved by " + latest.savedBy() + " while you were editing it. Your text was not "
					+ "saved and is still in the form; compare it with the latest version below and save again.");
			this.latest = latest;
		}

		public Revision latest() {
			return this.latest;
		}

	}

}
