// Every command this branch adds, in the order `dragoman --help` lists them after `serve`.
import ArgumentParser

enum CLICommands {
    static let all: [any ParsableCommand.Type] = [
        TranslateCommand.self, BatchCommand.self, TaskCommand.self, CacheCommand.self, LanguagesCommand.self,
        DetectCommand.self, HealthCommand.self, ModelsCommand.self,
    ]
}
