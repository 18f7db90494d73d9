# bad: a mention that names no entity
# shape: spsh:MentionShape
# problem: ontology/shapes.ttl: shape violation of spsh:MentionShape at <https://w3id.org/soviet-policy-kg/anno/mention/litvinov-at-5607> (path <http://www.w3.org/ns/oa#hasBody>): Every mention must have exactly one oa:hasBody, the IRI of the entity it names.
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
DELETE { ?m oa:hasBody ?b } WHERE { ?m a spo:Mention ; oa:hasBody ?b ; spo:surfaceForm "Litvoniv" }
