package io.tidemark.processor;

import com.google.auto.service.AutoService;
import io.tidemark.processor.generation.Generator;
import io.tidemark.processor.model.CheckedPipeline;
import io.tidemark.processor.model.JavaTypes;
import io.tidemark.processor.model.PipelineModel;
import io.tidemark.processor.model.PipelineReader;
import io.tidemark.processor.validation.Diagnostics;
import io.tidemark.processor.validation.GraphValidator;
import io.tidemark.processor.validation.Message;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;

/**
 * The Tidemark annotation processor: for each {@code @Pipeline} class, reads it into a model, validates
 * the model (reporting every problem on the offending element) and, if it is sound, generates its
 * context, serializers and descriptor; the services file once every pipeline of the compilation is known.
 */
@AutoService(Processor.class)
public final class PipelineProcessor extends AbstractProcessor {

  private static final String PIPELINE = "io.tidemark.annotation.Pipeline";

  private JavaTypes types;
  private Diagnostics diagnostics;
  private PipelineReader reader;
  private GraphValidator validator;
  private Generator generator;
  /** Pipeline names of this compilation, by the class that declared each first. */
  private final Map<String, TypeElement> names = new HashMap<>();

  @Override
  public synchronized void init(ProcessingEnvironment env) {
    super.init(env);
    types = new JavaTypes(env);
    diagnostics = new Diagnostics(env.getMessager());
    reader = new PipelineReader(types, diagnostics);
    validator = new GraphValidator(types, diagnostics);
    generator = new Generator(env.getFiler(), types, PipelineProcessor.class.getName());
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of(PIPELINE);
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    types.newRound();
    try {
      TypeElement pipelineAnnotation = types.element(PIPELINE);
      if (pipelineAnnotation != null) {
        for (Element element : round.getElementsAnnotatedWith(pipelineAnnotation)) {
          process((TypeElement) element);
        }
      }
      if (round.processingOver()) {
        generator.finish();
      }
    } catch (IOException e) {
      processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, "Tidemark could not write: " + stackTrace(e));
    }
    return false;
  }

  private void process(TypeElement type) throws IOException {
    int errorsBefore = diagnostics.errorCount();
    PipelineModel model = reader.read(type);
    TypeElement first = names.putIfAbsent(model.name(), type);
    if (first != null) {
      diagnostics.report(Message.PIPELINE_NAME_DUPLICATE, model.nameAt(), model.name(), first.getQualifiedName());
    }
    CheckedPipeline checked = validator.validate(model);
    if (diagnostics.errorCount() == errorsBefore) {
      generator.generate(checked);
    }
  }

  private static String stackTrace(Exception e) {
    StringWriter text = new StringWriter();
    e.printStackTrace(new PrintWriter(text));
    return text.toString();
  }
}
