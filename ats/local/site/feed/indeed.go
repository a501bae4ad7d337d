package feed

import (
	"encoding/xml"
	"html"
	"regexp"
	"strings"
	"time"

	"github.com/jobsync/jobsync/ats/local/site"
	"github.com/jobsync/jobsync/posting"
	"github.com/jobsync/jobsync/posting/location"
)

// IndeedOptions are the feed's settings that the jobs do not carry.
type IndeedOptions struct {
	// Email is the client contact Indeed verifies a feed with.
	Email string
	// SourceName is the parent organisation; the company when empty.
	SourceName string
}

// cdata is a value written as CDATA, as Indeed asks of job content.
type cdata struct {
	Text string `xml:",cdata"`
}

type source struct {
	XMLName   xml.Name    `xml:"source"`
	Publisher string      `xml:"publisher"`
	Jobs      []indeedJob `xml:"job"`
}

type indeedJob struct {
	Title           cdata  `xml:"title"`
	Date            cdata  `xml:"date"`
	ReferenceNumber cdata  `xml:"referencenumber"`
	RequisitionID   cdata  `xml:"requisitionid"`
	URL             cdata  `xml:"url"`
	Company         cdata  `xml:"company"`
	SourceName      cdata  `xml:"sourcename"`
	City            cdata  `xml:"city"`
	State           cdata  `xml:"state"`
	Country         cdata  `xml:"country"`
	Email           cdata  `xml:"email"`
	Description     cdata  `xml:"description"`
	Salary          *cdata `xml:"salary,omitempty"`
	JobType         *cdata `xml:"jobtype,omitempty"`
	Category        *cdata `xml:"category,omitempty"`
	ExpirationDate  *cdata `xml:"expirationdate,omitempty"`
	RemoteType      *cdata `xml:"remotetype,omitempty"`
}

// jobTypes maps employment types to Indeed's jobtype values.
var jobTypes = map[string]string{
	"full-time": "fulltime", "full time": "fulltime", "part-time": "parttime", "part time": "parttime",
	"contract": "contract", "contractor": "contract", "temporary": "temporary", "intern": "internship", "internship": "internship",
}

// Indeed writes the feed of every open job: one <job> per job per location
// (per country for an area). It needs the site's base URL for the jobs'
// page links; without one it returns nil.
func Indeed(s site.Site, jobs []site.Job, opts IndeedOptions) ([]byte, error) {
	if s.IndexURL() == "" {
		return nil, nil
	}
	src := source{Publisher: "jobsync"}
	sourceName := opts.SourceName
	if sourceName == "" {
		sourceName = s.Company
	}
	for _, j := range openJobs(jobs) {
		description := literal(s.Posting(j).Description)
		page := s.PageURL(j) + "?source=Indeed"
		requisition := j.Requisition
		if requisition == "" {
			requisition = j.Key
		}
		for _, inst := range instances(j) {
			ij := indeedJob{
				Title:           cdata{j.Title},
				Date:            cdata{j.Posted.UTC().Format(time.DateOnly)},
				ReferenceNumber: cdata{requisition + "/" + inst.ref},
				RequisitionID:   cdata{requisition},
				URL:             cdata{page},
				Company:         cdata{s.Company},
				SourceName:      cdata{sourceName},
				City:            cdata{inst.place.City},
				State:           cdata{inst.place.Region},
				Country:         cdata{inst.country},
				Email:           cdata{opts.Email},
				Description:     cdata{description},
			}
			if j.Pay != nil {
				ij.Salary = &cdata{j.Pay.String()}
			}
			if t, ok := jobTypes[strings.ToLower(j.EmploymentType)]; ok {
				ij.JobType = &cdata{t}
			}
			if j.Department != "" {
				ij.Category = &cdata{j.Department}
			}
			if j.ValidThrough != "" {
				ij.ExpirationDate = &cdata{j.ValidThrough}
			}
			switch {
			case j.Workplace == "remote" || inst.place.Remote && j.Workplace == "":
				ij.RemoteType = &cdata{"Fully remote"}
			case j.Workplace == "hybrid":
				ij.RemoteType = &cdata{"Hybrid remote"}
			}
			src.Jobs = append(src.Jobs, ij)
		}
	}
	return marshal(src, `<?xml version="1.0" encoding="utf-8"?>`)
}

// instance is one job instance of a posting: a location, and its country.
type instance struct {
	place   location.Place
	country string
	ref     string // the location part of the reference number
}

// instances splits a job's locations into Indeed's job instances. The
// reference is the location's key ("denver-co"), with the country for
// each country of an area ("remote-americas-ca").
func instances(j site.Job) []instance {
	var out []instance
	for _, l := range j.Locations {
		p := location.Parse(l)
		ref := posting.Slug(l)
		if ref == "" {
			ref = "location"
		}
		if p.Country == "" && len(p.Countries) > 0 {
			for _, c := range p.Countries {
				out = append(out, instance{place: p, country: c, ref: ref + "-" + strings.ToLower(c)})
			}
			continue
		}
		out = append(out, instance{place: p, country: p.Country, ref: ref})
	}
	if len(out) == 0 {
		out = append(out, instance{ref: "posting"})
	}
	return out
}

// entityRE finds HTML character references.
var entityRE = regexp.MustCompile(`&(#[0-9]+|#[xX][0-9a-fA-F]+|[a-zA-Z][a-zA-Z0-9]*);`)

// literal replaces the character references of sanitised HTML with the
// characters they stand for, as Indeed asks ("no HTML entities"); &lt; and
// &gt; stay, or text would turn into tags.
func literal(h string) string {
	return entityRE.ReplaceAllStringFunc(h, func(ref string) string {
		switch ref {
		case "&lt;", "&gt;", "&#60;", "&#62;":
			return ref
		}
		return html.UnescapeString(ref)
	})
}
