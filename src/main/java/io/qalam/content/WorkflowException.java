package io.qalam.content;

import java.util.Map;

import io.qalam.platform.Refusal;
import io.qalam.platform.Text;

/**
 * A workflow request that was refused and changed nothing: the reason for the newsroom
 * user, and what is wrong with each form field.
 */
public class WorkflowException extends Refusal {

	WorkflowException(Text text) {
		super(text);
	}

	WorkflowException(Text text, Map<String, Text> fields) {
		super(text, fields);
	}

	/**
	 * Input the newsroom's forms sent that cannot be used, before the workflow is asked.
	 */
	public static class Invalid extends WorkflowException {

		public Invalid(Text text) {
			super(text);
		}

		public Invalid(Text text, Map<String, Text> fields) {
			super(text, fields);
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
			super(Text.of("workflow.stale", latest.savedBy()));
			this.latest = latest;
		}

		public Revision latest() {
			return this.latest;
		}

	}

}
