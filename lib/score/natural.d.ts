// Deep-import declaration for the `natural` module we use (Porter stemmer). Importing 'natural' itself pulls in
// database drivers and dotenv, so only these leaf modules are ever loaded.
declare module 'natural/lib/natural/stemmers/porter_stemmer.js' {
  const PorterStemmer: { stem(token: string): string };
  export default PorterStemmer;
}
