/** The trainer service: training plans, workouts, runs and analytics. */
@ModuleGen(name = "trainer", groupPackage = "com.runningtrainer.trainer")
package com.runningtrainer.trainer;

import io.vertx.codegen.annotations.ModuleGen;
