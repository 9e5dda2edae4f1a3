package io.tidemark.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import io.tidemark.schema.PipelineDescriptor;
import io.tidemark.schema.PipelineDescriptorJson;
import io.tidemark.stream.PipelineConfig;
import io.tidemark.stream.StreamingContext;
import io.tidemark.stream.StreamingContextBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.util.Optional;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;

/**
 * Pipelines compiled with the processor inside a test, loaded from the compiler's output by their own
 * class loader (so two versions of one class can live side by side), and called reflectively.
 */
final class CompiledPipeline {

  private final Compilation compilation;
  private final ClassLoader loader;

  private CompiledPipeline(Compilation compilation) {
    this.compilation = compilation;
    this.loader = new OutputClassLoader(compilation);
  }

  /** Compiles {@code sources}; fails the test on any error. */
  static CompiledPipeline compile(JavaFileObject... sources) {
    Compilation compilation = javac().withProcessors(new PipelineProcessor()).compile(sources);
    assertThat(compilation).succeeded();
    return new CompiledPipeline(compilation);
  }

  Compilation compilation() {
    return compilation;
  }

  Class<?> load(String className) {
    try {
      return loader.loadClass(className);
    } catch (ClassNotFoundException e) {
      throw new AssertionError(className + " was not generated", e);
    }
  }

  /** {@code <contextClass>.createContext(builder, config)}: the generated factory, on a caller's builder. */
  StreamingContext createContext(String contextClass, StreamingContextBuilder builder, PipelineConfig config) {
    return (StreamingContext) invoke(load(contextClass), "createContext",
        new Class<?>[] {StreamingContextBuilder.class, PipelineConfig.class}, builder, config);
  }

  /** {@code <contextClass>.builder()}. */
  StreamingContextBuilder builder(String contextClass) {
    return (StreamingContextBuilder) invoke(load(contextClass), "builder", new Class<?>[0]);
  }

  /** The descriptor the processor wrote for {@code pipelineName}. */
  PipelineDescriptor descriptor(String pipelineName) {
    return PipelineDescriptorJson.fromJson(resource("META-INF/tidemark/" + pipelineName + ".json"));
  }

  String resource(String path) {
    Optional<JavaFileObject> file = compilation.generatedFile(StandardLocation.CLASS_OUTPUT, path);
    try {
      return file.orElseThrow(() -> new AssertionError(path + " was not generated")).getCharContent(true).toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Object invoke(Class<?> type, String method, Class<?>[] parameters, Object... arguments) {
    try {
      var target = type.getDeclaredMethod(method, parameters);
      target.setAccessible(true);
      return target.invoke(null, arguments);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new AssertionError(e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  static Object staticField(Class<?> type, String name) {
    try {
      var field = type.getDeclaredField(name);
      field.setAccessible(true);
      return field.get(null);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  /** Classes from the compilation's output first, then the test's class path (the runtime). */
  private static final class OutputClassLoader extends ClassLoader {
    private final Compilation compilation;

    OutputClassLoader(Compilation compilation) {
      super(CompiledPipeline.class.getClassLoader());
      this.compilation = compilation;
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
      Optional<JavaFileObject> file = compilation.generatedFile(StandardLocation.CLASS_OUTPUT,
          name.replace('.', '/') + ".class");
      if (file.isEmpty()) {
        throw new ClassNotFoundException(name);
      }
      try (InputStream in = file.get().openInputStream()) {
        byte[] bytes = in.readAllBytes();
        return defineClass(name, bytes, 0, bytes.length);
      } catch (IOException e) {
        throw new ClassNotFoundException(name, e);
      }
    }
  }
}
