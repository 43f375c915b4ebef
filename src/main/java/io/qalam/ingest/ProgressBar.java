package io.qalam.ingest;

import java.io.PrintStream;

/**
 * The commands' progress: on a terminal a bar redrawn in place, in a log a line per tenth
 * of the work.
 */
final class ProgressBar {

	private final PrintStream out;

	private final boolean terminal;

	private int lastTenth = -1;

	ProgressBar(PrintStream out) {
		this.out = out;
		this.terminal = System.console() != null;
	}

	void at(long done, long total, String counts) {
		int percent = (total > 0) ? (int) Math.min(100, done * 100 / total) : 100;
		if (this.terminal) {
			String bar = "#".repeat(percent / 4) + " ".repeat(25 - percent / 4);
			this.out.print("\r[" + bar + "] " + percent + "%  " + counts);
			this.out.flush();
		}
		else if (percent / 10 > this.lastTenth) {
			this.lastTenth = percent / 10;
			this.out.println(percent + "%  " + counts);
		}
	}

}
