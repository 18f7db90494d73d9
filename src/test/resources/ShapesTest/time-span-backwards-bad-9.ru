# bad: a time span that ends before it begins
# shape: spsh:TimeSpanShape
# problem: ontology/shapes.ttl: shape violation of spsh:TimeSpanShape at <https://w3id.org/soviet-policy-kg/id/great-purge/time> (path <https://w3id.org/soviet-policy-kg/ontology#notBefore>): A time span has at most one spo:notBefore, an xsd:date that is not after its spo:notAfter. [value: "1940-01-01"^^xsd:date]
PREFIX spo: <https://w3id.org/soviet-policy-kg/ontology#>
PREFIX spd: <https://w3id.org/soviet-policy-kg/id/>
PREFIX spc: <https://w3id.org/soviet-policy-kg/concept/>
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX cl: <https://w3id.org/soviet-policy-kg/claim/>
PREFIX lk: <https://w3id.org/soviet-policy-kg/link/>
PREFIX st: <https://w3id.org/soviet-policy-kg/statement/>
WITH <https://w3id.org/soviet-policy-kg/graph/curated>
DELETE { ?t spo:notBefore ?b } INSERT { ?t spo:notBefore "1940-01-01"^^xsd:date } WHERE { spd:great-purge spo:timeSpan ?t . ?t spo:notBefore ?b }
