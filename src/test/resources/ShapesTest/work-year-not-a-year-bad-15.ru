# bad: The Great Terror with a year that is not an xsd:gYear
# shape: spsh:WorkShape
# problem: ontology/shapes.ttl: shape violation of spsh:WorkShape at spd:the-great-terror (path <https://w3id.org/soviet-policy-kg/ontology#year>): A work has at most one spo:year, an xsd:gYear literal such as "1968"^^xsd:gYear. [value: "nineteen sixty-eight"]
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
DELETE { spd:the-great-terror spo:year ?y } INSERT { spd:the-great-terror spo:year "nineteen sixty-eight" } WHERE { spd:the-great-terror spo:year ?y }
