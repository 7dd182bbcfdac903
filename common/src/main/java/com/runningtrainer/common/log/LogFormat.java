package com.runningtrainer.common.log;

/** How log lines are written: JSON objects for machines, or readable text for a person at a terminal. */
public enum LogFormat {
  JSON,
  TEXT
}
