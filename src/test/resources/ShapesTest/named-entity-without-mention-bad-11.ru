# bad: Goering, whom the essay names, with his mentions removed
# shape: spsh:MentionedShape
# problem: ontology/shapes.ttl: shape violation of spsh:MentionedShape at spd:goering: An entity that the essay names must have at least one spo:Mention (an annotation whose oa:hasBody is the entity); if the essay refers to it without naming it, give it spo:implicit true. [value: spd:goering]
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
DELETE { ?m oa:hasBody spd:goering } WHERE { ?m a spo:Mention ; oa:hasBody spd:goering }
