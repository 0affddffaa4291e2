// The project spec language of specc (specs/*.specc). One file declares one project:
// its identity, environments, preview policy, services, cloud resources, integrations and
// the environment variables the app needs. The Debian `antlr4` tool generates the C++
// lexer and parser from this file into the build directory at build time
// (compiler/src/dsl/CMakeLists.txt); the dsl layer turns the parse tree into a syntax tree
// and checks it. Everything that needs knowledge of the domain (which fields a block has,
// which resource types exist, which outputs they have) is checked there, not here, so the
// grammar stays small and mistakes get specific messages instead of parse errors.
//
// No rule is recursive: lists hold scalars only and override blocks hold no blocks, so the
// depth of a parse is bounded whatever the input, and garbage cannot overflow the stack.
grammar Specc;

file
  : project EOF
  ;

project
  : PROJECT STRING '{' projectItem* '}'
  ;

projectItem
  : environmentsDecl
  | previewDecl
  | serviceDecl
  | resourceDecl
  | envDecl
  | integrationDecl
  | field
  | ';'
  ;

// environments { dev, staging, prod }
environmentsDecl
  : ENVIRONMENTS '{' (name (',' name)* ','?)? '}'
  ;

// preview { ttl = 72h; max = 15 }
previewDecl
  : PREVIEW body
  ;

// service api { openapi = "api/openapi.yaml"; runtime = cloudflare.worker }
serviceDecl
  : SERVICE name body
  ;

// resource db : neon.postgres { region = "aws-us-east-2"; branch per environment }
resourceDecl
  : RESOURCE name ':' dottedName body
  ;

// env DATABASE_URL { scope = runtime; secret; source = provisioned(db.connectionUri) }
envDecl
  : ENV name body
  ;

// integration neon { credentials = [NEON_API_KEY] }
integrationDecl
  : INTEGRATION name body
  ;

body
  : '{' member* '}'
  ;

member
  : field
  | flag
  | overrideBlock
  | ';'
  ;

// Settings that differ in one environment: `prod { default = "warn"; required }`.
overrideBlock
  : name '{' overrideMember* '}'
  ;

overrideMember
  : field
  | flag
  | ';'
  ;

field
  : name '=' value
  ;

flag
  : SECRET
  | OPTIONAL
  | REQUIRED
  | SHARED
  | PER ENVIRONMENT
  | BRANCH PER ENVIRONMENT
  ;

value
  : scalar
  | call
  | list
  ;

// provisioned(db.connectionUri)
call
  : valueName '(' (dottedName (',' dottedName)*)? ')'
  ;

list
  : '[' (scalar (',' scalar)* ','?)? ']'
  ;

scalar
  : STRING
  | NUMBER
  | QUANTITY
  | valueName ('.' name)*
  ;

dottedName
  : name ('.' name)*
  ;

// A name in a value cannot be a declaration keyword: after a forgotten value (`id =` at
// the end of a line) the next declaration must not be swallowed as the value.
valueName
  : IDENT
  | SECRET
  | OPTIONAL
  | REQUIRED
  | SHARED
  | PER
  | ENVIRONMENT
  | BRANCH
  ;

// Keywords are reserved only where they start a declaration or a flag; anywhere a name is
// expected they are ordinary names, so `branch = "main"` or a service called `preview` work.
name
  : IDENT
  | PROJECT
  | ENVIRONMENTS
  | PREVIEW
  | SERVICE
  | RESOURCE
  | ENV
  | INTEGRATION
  | SECRET
  | OPTIONAL
  | REQUIRED
  | SHARED
  | PER
  | ENVIRONMENT
  | BRANCH
  ;

PROJECT      : 'project' ;
ENVIRONMENTS : 'environments' ;
PREVIEW      : 'preview' ;
SERVICE      : 'service' ;
RESOURCE     : 'resource' ;
ENV          : 'env' ;
INTEGRATION  : 'integration' ;
SECRET       : 'secret' ;
OPTIONAL     : 'optional' ;
REQUIRED     : 'required' ;
SHARED       : 'shared' ;
PER          : 'per' ;
ENVIRONMENT  : 'environment' ;
BRANCH       : 'branch' ;

LBRACE    : '{' ;
RBRACE    : '}' ;
LBRACKET  : '[' ;
RBRACKET  : ']' ;
LPAREN    : '(' ;
RPAREN    : ')' ;
EQUALS    : '=' ;
COLON     : ':' ;
SEMICOLON : ';' ;
COMMA     : ',' ;
DOT       : '.' ;

// A string runs to its closing quote or to the end of the line; the dsl layer reports one
// that is not closed and decodes the escapes (\" \\ \n \t \r \uXXXX). Single-quoted
// strings are lexed only to be reported as such, with one clear message.
STRING
  : '"' (~["\\\r\n] | '\\' ~[\r\n]?)* '"'?
  | '\'' (~['\\\r\n] | '\\' ~[\r\n]?)* '\''?
  ;

// A number with a unit: a duration such as 72h, 3d or 30m. The unit is checked later so a
// wrong one gets a message naming the units that exist.
QUANTITY
  : [0-9]+ [a-zA-Z]+
  ;

// Integers, decimals and dotted numbers (an unquoted version such as 1.4.0).
NUMBER
  : '-'? [0-9]+ ('.' [0-9]+)*
  ;

IDENT
  : [a-zA-Z_] [a-zA-Z0-9_-]*
  ;

LINE_COMMENT
  : ('//' | '#') ~[\r\n]* -> channel(HIDDEN)
  ;

// An unclosed block comment runs to the end of the file; the dsl layer reports it.
BLOCK_COMMENT
  : '/*' .*? ('*/' | EOF) -> channel(HIDDEN)
  ;

WS
  : [ \t\r\n\f]+ -> channel(HIDDEN)
  ;

// Any other character. Kept off the parser's channel so it causes one clear diagnostic
// ("unexpected character") instead of a cascade of parse errors.
ERROR_CHAR
  : . -> channel(HIDDEN)
  ;
