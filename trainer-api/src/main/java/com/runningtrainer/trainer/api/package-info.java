/** What other services may know of the trainer: the operations they call on its event bus. */
@ModuleGen(name = "trainer-api", groupPackage = "com.runningtrainer.trainer.api")
package com.runningtrainer.trainer.api;

import io.vertx.codegen.annotations.ModuleGen;
