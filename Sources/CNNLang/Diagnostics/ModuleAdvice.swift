/// What to write instead of a module or module member that CNN Lab does not have (see
/// `ModuleTable`); the words are in `DiagnosticMessage+Text.swift`.
public enum ModuleAdvice: Sendable, Equatable {
  case tfData
  case gradientTape
  case seedArgument
  case plotModel
  case randomRand
  case randomRandom
  case randomRandn
  case randomNormal
  case randomRandint
  case plotLines
  case subplots
  case histogram
  case savefig
  case pandas
  case torch
  case d2l
  case openCV
  case pillow
  case scikitLearn
  case seaborn
}
